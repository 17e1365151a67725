//! The time controls: play/pause, step to the next event, speed, the
//! scrubber over the run with a mark per event (click one to jump there),
//! the virtual clock, the speed really achieved when the run cannot keep
//! up, and a far seek's progress with its Cancel button.

use super::cssom::use_left_from_data;
use super::state::Action;
use crate::i18n::{Lang, Text};
use crate::kubectl::human_duration;
use crate::studio::{Marker, SPEEDS};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the controls show.
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The virtual time, in milliseconds.
    pub now: u64,
    /// The scrubber's end, in milliseconds.
    pub horizon: u64,
    /// The scrubber's marks.
    pub markers: Rc<Vec<Marker>>,
    /// Whether the clock runs.
    pub playing: bool,
    /// The speed's index in [`SPEEDS`].
    pub speed: usize,
    /// Where a seek is on its way to (virtual milliseconds), until it is there.
    pub goal: Option<u64>,
    /// The speed the run really achieves, in tenths, when it is behind the chosen one.
    pub achieved: Option<u32>,
    /// The container that never sleeps, the reason the run is behind.
    pub busiest: Option<String>,
    /// The engine is loaded (until then the clock says it is loading).
    pub live: bool,
    /// The page's language.
    pub lang: Lang,
    /// Where the controls' actions go.
    pub on_action: Callback<Action>,
}

/// The time controls component.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let emit = |make: fn() -> Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(make()))
    };
    let on_scrub = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(millis) = input.value().parse::<f64>() {
                on_action.emit(Action::Seek(millis as u64));
            }
        })
    };
    let on_speed = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(index) = select.value().parse::<usize>() {
                on_action.emit(Action::SetSpeed(index));
            }
        })
    };
    let (play_label, play_text, play_icon) = if props.playing {
        ("Pause", Text::Pause, "❚❚")
    } else {
        ("Play", Text::Play, "▶")
    };
    // Each mark's place is written through the CSSOM: a strict CSP refuses `style=`.
    let markers = use_left_from_data();
    let seconds = props.now / 1000;
    let horizon = props.horizon.max(1);
    html! {
        <div class="controls" aria-busy={(!props.live).to_string()}>
            <button class="play" aria-label={play_label} title={play_text.get(lang)}
                    onclick={emit(|| Action::TogglePlay)}>{ play_icon }</button>
            <button class="step" aria-label="Step" title={Text::Step.get(lang)}
                    onclick={emit(|| Action::Step)}>
                <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M3 2 L11 8 L3 14 Z" /><rect x="12" y="2" width="2" height="12" />
                </svg>
            </button>
            <label class="speed">
                <span class="visually-hidden">{ Text::Speed.get(lang) }</span>
                <select aria-label="Speed" onchange={on_speed}>
                    { for SPEEDS.iter().enumerate().map(|(index, tenths)| html! {
                        <option value={index.to_string()} selected={index == props.speed}>
                            { speed_label(*tenths) }
                        </option>
                    }) }
                </select>
            </label>
            <div class="scrubber">
                <input type="range" aria-label="Time" min="0" max={horizon.to_string()} step="100"
                       value={props.now.min(horizon).to_string()} oninput={on_scrub} />
                <div class="markers" aria-hidden="true" ref={markers}>
                    { for props.markers.iter().map(|marker| {
                        let time = marker.time.as_millis();
                        let left = format!("{:.3}%", time.min(horizon) as f64 * 100.0 / horizon as f64);
                        let on_action = props.on_action.clone();
                        html! {
                            <button class={classes!("marker", marker.warning.then_some("warning"))}
                                    data-left={left} title={marker.label.clone()} tabindex="-1"
                                    onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::Seek(time)))} />
                        }
                    }) }
                </div>
            </div>
            <div class="clock" title={Text::Time.get(lang)}>
                <output data-testid="clock" data-millis={props.now.to_string()}>{ format!("{seconds}s") }</output>
                if props.live {
                    <span class="age">{ format!("AGE {}", human_duration(props.now as i64)) }</span>
                } else {
                    <span class="age loading">{ Text::EngineLoading.get(lang) }</span>
                }
                if let Some(tenths) = props.achieved.filter(|_| props.playing) {
                    <span class="behind" role="status" title={Text::RunningAtWhy.get(lang)}>
                        { format!("{}{}", Text::RunningAt.get(lang), achieved_label(tenths)) }
                        if let Some(container) = &props.busiest {
                            { Text::NeverSleepsBefore.get(lang) }
                            <code>{ container }</code>
                            { Text::NeverSleepsAfter.get(lang) }
                        }
                    </span>
                }
                if let Some(goal) = props.goal {
                    <span class="seeking" role="status">
                        { format!("{}{}s ", Text::Seeking.get(lang), goal / 1000) }
                        <progress aria-label="Seek progress" max={goal.max(1).to_string()}
                                  value={props.now.min(goal).to_string()} />
                        <button class="cancel" onclick={emit(|| Action::SetPlaying(false))}>
                            { Text::Cancel.get(lang) }
                        </button>
                    </span>
                }
            </div>
        </div>
    }
}

/// The speed the run achieves: a crawl under a tenth says so, not "0×".
fn achieved_label(tenths: u32) -> String {
    if tenths == 0 {
        "< 0.1×".to_string()
    } else {
        speed_label(tenths)
    }
}

/// `0.5×`, `1×`, `60×`.
fn speed_label(tenths: u32) -> String {
    if tenths % 10 == 0 {
        format!("{}×", tenths / 10)
    } else {
        format!("{}.{}×", tenths / 10, tenths % 10)
    }
}
