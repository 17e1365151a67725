//! A lesson file (YAML) → [`Lesson`], or the first problem with its line.
//!
//! The file is read by the same span-keeping YAML reader as manifests
//! (`spec::load_documents`), then walked by hand: every key is checked
//! against the keys its mapping allows, so a misspelt key is an error at its
//! line rather than silently ignored. The starting pod's YAML and the
//! solution script are checked too, their errors placed on the lesson
//! file's lines.

use super::fields::{error_at, items, non_empty, text, Fields, LessonError};
use super::{Bilingual, Check, Lesson, LessonFile, LessonStep, StartingPod};
use crate::examples::{example, EXAMPLES};
use crate::script::parse_script;
use crate::spec::{load_documents, parse_manifests, Node, NodeValue, Severity};

/// `{zh: …, en: …}`, both given and non-empty.
fn bilingual(node: &Node, what: &str) -> Result<Bilingual, LessonError> {
    let fields = Fields::new(node, what, &["zh", "en"])?;
    Ok(Bilingual {
        zh: non_empty(fields.required("zh")?, &format!("{what}.zh"))?,
        en: non_empty(fields.required("en")?, &format!("{what}.en"))?,
    })
}

/// Reads a lesson file.
pub fn parse_lesson(source: &str) -> Result<Lesson, LessonError> {
    let documents = load_documents(source);
    let Some(document) = documents.first() else {
        return Err(LessonError {
            line: 1,
            message: "the lesson file is empty".to_string(),
        });
    };
    let root = match &document.root {
        Ok(root) => root,
        Err(error) => {
            return Err(LessonError {
                line: error.span.line.max(1),
                message: format!("YAML: {}", error.message),
            })
        }
    };
    if let Some((path, span)) = document.duplicates.first() {
        return Err(LessonError {
            line: span.line,
            message: format!("`{path}` is given twice"),
        });
    }
    if let Some(second) = documents.get(1) {
        return Err(LessonError {
            line: second.first_line,
            message: "a lesson file holds one YAML document (remove the `---`)".to_string(),
        });
    }
    let fields = Fields::new(
        root,
        "the lesson",
        &[
            "id", "title", "summary", "pod", "files", "steps", "solution",
        ],
    )?;
    let id_node = fields.required("id")?;
    let id = non_empty(id_node, "id")?;
    if !is_kebab_case(&id) {
        return Err(error_at(
            id_node,
            format!("id `{id}` should be kebab-case (lower-case letters, digits and `-`)"),
        ));
    }
    let title = bilingual(fields.required("title")?, "title")?;
    let summary = bilingual(fields.required("summary")?, "summary")?;
    let pod = match fields.optional("pod") {
        None => StartingPod::Empty,
        Some(node) => starting_pod(node)?,
    };
    let files = match fields.optional("files") {
        None => Vec::new(),
        Some(node) => items(node, "files")?
            .iter()
            .map(lesson_file)
            .collect::<Result<_, _>>()?,
    };
    let steps_node = fields.required("steps")?;
    let steps: Vec<LessonStep> = items(steps_node, "steps")?
        .iter()
        .enumerate()
        .map(|(index, node)| lesson_step(node, index + 1))
        .collect::<Result<_, _>>()?;
    if steps.is_empty() {
        return Err(error_at(
            steps_node,
            "steps is empty: a lesson has a step at least",
        ));
    }
    let solution = match fields.optional("solution") {
        None => Vec::new(),
        Some(node) => {
            let script = text(node, "solution")?;
            parse_script(&script).map_err(|error| LessonError {
                line: block_line(node, error.line),
                message: format!("solution: {}", error.message),
            })?
        }
    };
    Ok(Lesson {
        id,
        title,
        summary,
        pod,
        files,
        steps,
        solution,
    })
}

/// The file line of line `line` (1-based) of a scalar's text (a `|`
/// block's span starts at its first line of text).
fn block_line(node: &Node, line: usize) -> usize {
    node.span.line + line.saturating_sub(1)
}

fn is_kebab_case(id: &str) -> bool {
    !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// `pod: ID`, `pod: {example: ID}` or `pod: {yaml: |…}`.
fn starting_pod(node: &Node) -> Result<StartingPod, LessonError> {
    if let NodeValue::Str(id) = &node.value {
        return example_pod(node, id);
    }
    let fields = Fields::new(node, "pod", &["example", "yaml"])?;
    match (fields.optional("example"), fields.optional("yaml")) {
        (Some(id), None) => example_pod(id, &non_empty(id, "pod.example")?),
        (None, Some(yaml)) => {
            let text = non_empty(yaml, "pod.yaml")?;
            let parsed = parse_manifests(&text);
            if let Some(problem) = parsed
                .diagnostics()
                .find(|d| d.severity() == Severity::Error)
            {
                return Err(LessonError {
                    line: block_line(yaml, problem.span.line),
                    message: format!("pod.yaml: {}", problem.kind),
                });
            }
            Ok(StartingPod::Yaml(text))
        }
        _ => Err(error_at(
            node,
            "pod should name an example (`example: my-podzz`) or hold manifests (`yaml: |`), one of the two",
        )),
    }
}

fn example_pod(node: &Node, id: &str) -> Result<StartingPod, LessonError> {
    example(id)
        .map(StartingPod::Example)
        .ok_or_else(|| unknown_example(node, id))
}

fn unknown_example(node: &Node, id: &str) -> LessonError {
    let known: Vec<&str> = EXAMPLES.iter().map(|example| example.id).collect();
    error_at(
        node,
        format!("unknown example `{id}` (known: {})", known.join(", ")),
    )
}

fn lesson_file(node: &Node) -> Result<LessonFile, LessonError> {
    let fields = Fields::new(node, "a file", &["name", "text", "example"])?;
    let name_node = fields.required("name")?;
    let name = non_empty(name_node, "name")?;
    if name.contains('/') || name.starts_with('.') {
        return Err(error_at(
            name_node,
            format!("file name `{name}` should be a plain name in the console's directory"),
        ));
    }
    let text = match (fields.optional("text"), fields.optional("example")) {
        (Some(body), None) => text(body, "text")?,
        (None, Some(id)) => match example(&non_empty(id, "example")?) {
            Some(found) => found.yaml.to_string(),
            None => return Err(unknown_example(id, &id.key_text())),
        },
        _ => return Err(error_at(
            node,
            "a file has its `text`, or names an `example` whose manifest it holds, one of the two",
        )),
    };
    Ok(LessonFile { name, text })
}

fn lesson_step(node: &Node, number: usize) -> Result<LessonStep, LessonError> {
    let what = format!("step {number}");
    let fields = Fields::new(node, &what, &["text", "commands", "hints", "checks"])?;
    let text_ = bilingual(fields.required("text")?, &format!("step {number}'s text"))?;
    let commands = match fields.optional("commands") {
        None => Vec::new(),
        Some(list) => items(list, "commands")?
            .iter()
            .map(|command| {
                let line = non_empty(command, "a command")?;
                parse_script(&line).map_err(|error| LessonError {
                    line: block_line(command, error.line),
                    message: format!("command: {}", error.message),
                })?;
                Ok(line.trim_end_matches('\n').to_string())
            })
            .collect::<Result<_, LessonError>>()?,
    };
    let hints = match fields.optional("hints") {
        None => Vec::new(),
        Some(list) => items(list, "hints")?
            .iter()
            .map(|hint| bilingual(hint, "a hint"))
            .collect::<Result<_, _>>()?,
    };
    let checks = match fields.optional("checks") {
        None => Vec::new(),
        Some(list) => items(list, "checks")?
            .iter()
            .map(Check::parse)
            .collect::<Result<_, _>>()?,
    };
    Ok(LessonStep {
        text: text_,
        commands,
        hints,
        checks,
    })
}
