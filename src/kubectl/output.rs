//! `-o`/`--output`: the printer kubectl picks for a value (`get_flags.go`'s
//! `ToPrinter`), and the printers of whole objects: `yaml`, `json`,
//! `jsonpath=…` and `custom-columns=…`. They print what `printGeneric`
//! hands them: the one object asked for by name, else a `List` of them all.

use super::errors::ConsoleError;
use super::json::{go_syntax, go_value, indented};
use super::jsonpath::JsonPath;
use super::sink::Output;
use super::tabwriter::TabWriter;
use crate::spec::to_sorted_yaml;
use serde_yaml::{Mapping, Value};

/// How `kubectl get` prints what it found.
#[derive(Debug, Clone, PartialEq)]
pub enum Printer {
    /// The server's table.
    Table,
    /// The table with its wide columns.
    Wide,
    /// `pod/NAME` lines.
    Name,
    /// The objects as YAML.
    Yaml,
    /// The objects as JSON.
    Json,
    /// A JSONPath template.
    JsonPath {
        /// The template as given, for error messages.
        template: String,
        /// The parsed template.
        path: JsonPath,
    },
    /// One column per `HEADER:path`.
    CustomColumns(Vec<Column>),
}

/// A custom column: its header and the JSONPath of its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header, as given.
    header: String,
    /// The expression, made a full template (`{.metadata.name}`).
    path: String,
}

impl Printer {
    /// The printer for an `-o` value, or kubectl's refusal.
    pub fn for_format(format: Option<&str>) -> Result<Printer, ConsoleError> {
        let format = format.unwrap_or("");
        let not_simulated = || ConsoleError::UnsupportedOutputFormat {
            format: format.to_string(),
        };
        if let Some(template) = format.strip_prefix("jsonpath=") {
            if template.is_empty() {
                return Err(ConsoleError::TemplateNotGiven);
            }
            let path =
                JsonPath::parse(template).map_err(|message| ConsoleError::JsonPathParse {
                    template: template.to_string(),
                    message,
                })?;
            return Ok(Printer::JsonPath {
                template: template.to_string(),
                path,
            });
        }
        if let Some(spec) = format.strip_prefix("custom-columns=") {
            return custom_columns(spec).map(Printer::CustomColumns);
        }
        let template_format = format.split_once('=').map_or(format, |(name, _)| name);
        match template_format {
            "jsonpath" | "jsonpath-file" | "jsonpath-as-json" | "go-template"
            | "go-template-file" | "template" | "templatefile"
                if format == template_format =>
            {
                return Err(ConsoleError::TemplateNotGiven);
            }
            "jsonpath-file"
            | "jsonpath-as-json"
            | "go-template"
            | "go-template-file"
            | "template"
            | "templatefile"
            | "custom-columns-file" => return Err(not_simulated()),
            _ => {}
        }
        Ok(match format.to_lowercase().as_str() {
            "json" => Printer::Json,
            "yaml" | "yml" => Printer::Yaml,
            "kyaml" => return Err(not_simulated()),
            _ => match format {
                "" => Printer::Table,
                "wide" => Printer::Wide,
                "custom-columns" => return Err(ConsoleError::CustomColumnsNotGiven),
                "custom-columns-file" => return Err(not_simulated()),
                "name" => Printer::Name,
                _ => {
                    return Err(ConsoleError::NoCompatiblePrinter {
                        format: format.to_string(),
                    })
                }
            },
        })
    }

    /// Whether this printer prints whole objects rather than the table.
    pub fn prints_objects(&self) -> bool {
        !matches!(self, Printer::Table | Printer::Wide | Printer::Name)
    }

    /// Prints `objects`: the one object when `single`, else a `List`.
    pub fn print(
        &self,
        mut objects: Vec<Value>,
        single: bool,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let object = if single && objects.len() == 1 {
            objects.remove(0)
        } else {
            list(objects)
        };
        match self {
            Printer::Yaml => output.stdout_raw(to_sorted_yaml(&object)),
            Printer::Json => output.stdout_raw(indented(&object)),
            Printer::JsonPath { template, path } => {
                let text =
                    path.execute(&object)
                        .map_err(|message| ConsoleError::JsonPathExecute {
                            template: template.clone(),
                            message,
                            dump: go_syntax(&object),
                        })?;
                if !text.is_empty() {
                    output.stdout_raw(text);
                }
            }
            Printer::CustomColumns(columns) => print_columns(columns, &object, output)?,
            Printer::Table | Printer::Wide | Printer::Name => {}
        }
        Ok(())
    }
}

/// `{"apiVersion": "v1", "items": […], "kind": "List", "metadata": {"resourceVersion": ""}}`.
fn list(items: Vec<Value>) -> Value {
    let mut metadata = Mapping::new();
    metadata.insert("resourceVersion".into(), "".into());
    let mut list = Mapping::new();
    list.insert("apiVersion".into(), "v1".into());
    list.insert("items".into(), Value::Sequence(items));
    list.insert("kind".into(), "List".into());
    list.insert("metadata".into(), Value::Mapping(metadata));
    Value::Mapping(list)
}

/// `NewCustomColumnsPrinterFromSpec`: `HEADER:path,HEADER:path`.
fn custom_columns(spec: &str) -> Result<Vec<Column>, ConsoleError> {
    if spec.is_empty() {
        return Err(ConsoleError::CustomColumnsNotGiven);
    }
    spec.split(',')
        .map(|part| {
            let (header, path) =
                part.split_once(':')
                    .ok_or_else(|| ConsoleError::CustomColumnSpec {
                        part: part.to_string(),
                    })?;
            Ok(Column {
                header: header.to_string(),
                path: relaxed_path(path)?,
            })
        })
        .collect()
}

/// `RelaxedJSONPathExpression`: `metadata.name`, `.metadata.name`,
/// `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`.
fn relaxed_path(path: &str) -> Result<String, ConsoleError> {
    if path.is_empty() {
        return Ok(String::new());
    }
    let inner = path
        .strip_prefix('{')
        .and_then(|p| p.strip_suffix('}'))
        .unwrap_or(path);
    let inner = inner.strip_prefix('.').unwrap_or(inner);
    if inner.is_empty() || inner.contains(['{', '}']) {
        return Err(ConsoleError::RelaxedJsonPath);
    }
    Ok(format!("{{.{inner}}}"))
}

/// The custom-columns table: a header, then a row per object; a cell with
/// no value is `<none>`, several values are joined by commas.
fn print_columns(
    columns: &[Column],
    object: &Value,
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let mut table: String = columns
        .iter()
        .map(|c| c.header.as_str())
        .collect::<Vec<_>>()
        .join("\t");
    table.push('\n');
    let parsed: Result<Vec<JsonPath>, String> =
        columns.iter().map(|c| JsonPath::parse(&c.path)).collect();
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(message) => {
            // The header is already in kubectl's tabwriter, flushed on return.
            output.stdout(TabWriter::GET.format(&table));
            return Err(ConsoleError::JsonPathFailed { message });
        }
    };
    let items = match object.get("kind") {
        Some(Value::String(kind)) if kind == "List" => match object.get("items") {
            Some(Value::Sequence(items)) => items.clone(),
            _ => Vec::new(),
        },
        _ => vec![object.clone()],
    };
    for item in &items {
        let mut cells = Vec::new();
        for path in &parsed {
            let values = path
                .find_results(item)
                .map_err(|message| ConsoleError::JsonPathFailed { message })?;
            let texts: Vec<String> = values.iter().flatten().map(go_value).collect();
            cells.push(match values.first() {
                Some(first) if !first.is_empty() => texts.join(","),
                _ => "<none>".to_string(),
            });
        }
        table.push_str(&cells.join("\t"));
        table.push('\n');
    }
    output.stdout(TabWriter::GET.format(&table));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_values_pick_kubectls_printer_or_its_refusal() {
        assert_eq!(Printer::for_format(None), Ok(Printer::Table));
        assert_eq!(Printer::for_format(Some("JSON")), Ok(Printer::Json));
        assert_eq!(Printer::for_format(Some("yml")), Ok(Printer::Yaml));
        let error = |format: &str| Printer::for_format(Some(format)).unwrap_err().to_string();
        assert_eq!(
            error("jsn"),
            "error: unable to match a printer suitable for the output format \"jsn\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml"
        );
        assert_eq!(
            error("jsonpath"),
            "error: template format specified but no template given"
        );
        assert_eq!(
            error("custom-columns="),
            "error: custom-columns format specified but no custom columns given"
        );
        assert_eq!(
            error("custom-columns=NAME"),
            "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"
        );
        assert_eq!(
            error("jsonpath={.metadata.name"),
            "error: error parsing jsonpath {.metadata.name, unclosed action"
        );
    }

    #[test]
    fn custom_column_paths_are_relaxed_as_kubectl_relaxes_them() {
        for path in [
            "metadata.name",
            ".metadata.name",
            "{metadata.name}",
            "{.metadata.name}",
        ] {
            assert_eq!(relaxed_path(path), Ok("{.metadata.name}".to_string()));
        }
        assert_eq!(relaxed_path("{.a}{.b}"), Err(ConsoleError::RelaxedJsonPath));
    }
}
