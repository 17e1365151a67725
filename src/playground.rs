//! The playground's editing state, independent of any UI: the editor text,
//! what is wrong with it, and the diagram of the last text that was fine.

use crate::layout::{layout_pod, Diagram};
use crate::sim::NODE_NAME;
use crate::spec::{parse_manifests, Diagnostic};

/// What the editor holds and what the page draws from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Playground {
    /// The editor's text exactly as typed.
    pub yaml: String,
    /// Problems (errors and warnings) in `yaml`, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether `yaml` holds a Pod (it may hold only other kinds, or nothing).
    pub has_pod: bool,
    /// The diagram of the last text without errors that held a Pod; it stays
    /// while the learner's current text has errors.
    pub diagram: Option<Diagram>,
}

impl Playground {
    /// A playground showing `yaml`.
    pub fn new(yaml: String) -> Playground {
        let mut playground = Playground {
            yaml: String::new(),
            diagnostics: Vec::new(),
            has_pod: false,
            diagram: None,
        };
        playground.edit(yaml);
        playground
    }

    /// Replaces the editor's text and re-reads it.
    pub fn edit(&mut self, yaml: String) {
        let parsed = parse_manifests(&yaml);
        let pod = parsed.first_pod();
        self.has_pod = pod.is_some();
        if !parsed.has_errors() {
            if let Some(pod) = pod {
                self.diagram = Some(layout_pod(pod, NODE_NAME));
            }
        }
        self.diagnostics = parsed.diagnostics().cloned().collect();
        self.yaml = yaml;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::MY_PODZZ;

    #[test]
    fn the_example_draws_its_two_containers() {
        let playground = Playground::new(MY_PODZZ.to_string());
        assert!(playground.diagnostics.is_empty());
        let diagram = playground.diagram.expect("a diagram");
        let names: Vec<&str> = diagram.containers.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["producer", "consumer"]);
    }

    #[test]
    fn a_broken_edit_keeps_the_last_good_diagram_and_reports_the_line() {
        let mut playground = Playground::new(MY_PODZZ.to_string());
        let before = playground.diagram.clone();
        playground.edit(MY_PODZZ.replace("  - name: consumer", "  - name: consumer\n bad"));
        assert_eq!(playground.diagram, before);
        assert_eq!(playground.diagnostics.len(), 1);
        assert_eq!(playground.diagnostics[0].span.line, 16);
    }

    #[test]
    fn a_third_container_appears_after_a_good_edit() {
        let mut playground = Playground::new(MY_PODZZ.to_string());
        playground.edit(MY_PODZZ.replace(
            "\n  volumes:",
            "\n  - name: sidecar\n    image: busybox\n\n  volumes:",
        ));
        assert_eq!(playground.diagram.expect("a diagram").containers.len(), 3);
    }

    #[test]
    fn text_without_a_pod_keeps_the_diagram_and_says_so() {
        let mut playground = Playground::new(MY_PODZZ.to_string());
        playground.edit(String::new());
        assert!(!playground.has_pod);
        assert!(playground.diagram.is_some());
    }
}
