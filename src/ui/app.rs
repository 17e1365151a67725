//! The root component: one reducer over [`Playground`], the editor on the left,
//! the pod diagram on the right.

use super::diagram::PodDiagram;
use super::editor::Editor;
use super::storage;
use crate::examples::MY_PODZZ;
use crate::playground::Playground;
use std::rc::Rc;
use yew::prelude::*;

/// Everything the user can do to the page.
pub enum Action {
    /// The editor's text changed.
    Edit(String),
    /// Put the bundled example back into the editor.
    ResetExample,
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(yaml) => next.edit(yaml),
            Action::ResetExample => next.edit(MY_PODZZ.to_string()),
        }
        Rc::new(next)
    }
}

/// The playground page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        Playground::new(storage::load_yaml().unwrap_or_else(|| MY_PODZZ.to_string()))
    });
    let save_problem = use_state(|| None::<String>);
    {
        let save_problem = save_problem.clone();
        use_effect_with(state.yaml.clone(), move |yaml| {
            save_problem.set(storage::save_yaml(yaml).err());
        });
    }
    let on_edit = {
        let state = state.clone();
        Callback::from(move |yaml: String| state.dispatch(Action::Edit(yaml)))
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ResetExample))
    };

    html! {
        <div class="page">
            <header class="top">
                <h1>{ "podplay" }</h1>
                <p class="tagline">{ "Kubernetes Pod 实验场 · a Pod playground" }</p>
                <button class="reset" onclick={on_reset}>{ "重置示例 · Reset example" }</button>
            </header>
            <main class="workspace">
                <section class="pane editor-pane">
                    <Editor
                        yaml={state.yaml.clone()}
                        diagnostics={state.diagnostics.clone()}
                        has_pod={state.has_pod}
                        on_edit={on_edit}
                    />
                </section>
                <section class="pane diagram-pane">
                    {
                        match &state.diagram {
                            Some(diagram) => html! { <PodDiagram diagram={Rc::new(diagram.clone())} /> },
                            None => html! { <p class="empty">{ "还没有 Pod 可画 · No Pod to draw yet" }</p> },
                        }
                    }
                </section>
            </main>
            if let Some(problem) = &*save_problem {
                <footer class="notice">
                    { format!("无法保存到浏览器 · Your YAML could not be saved in this browser: {problem}") }
                </footer>
            }
        </div>
    }
}
