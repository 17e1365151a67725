//! `kubectl explain pod[.field…]`: a type's or field's documentation in
//! the layout of kubectl's `plaintext.tmpl` (explain v2): `KIND`/`VERSION`,
//! `FIELD: name <type>` for a field path, the description wrapped at 76
//! columns (its line breaks removed first, as the template's `wrap` does),
//! then each field as `name<TAB><type> -required-` with its description.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::schema::{Field, Schema, POD};

const FLAGS: [FlagSpec; 2] = [
    FlagSpec::switch("recursive", None),
    FlagSpec::value("api-version", None),
];

/// Runs `kubectl explain ARGS`.
pub fn explain(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context { output, .. } = context;
    let args = parse_args("explain", arguments, &FLAGS)?;
    if args.is_set("recursive") {
        return Err(ConsoleError::NotSimulatedCommand {
            command: "explain --recursive".to_string(),
        });
    }
    let Some(target) = args.positionals.first() else {
        return Err(ConsoleError::ExplainResourceRequired);
    };
    let mut path = target.split('.');
    let resource = path.next().unwrap_or("");
    let path: Vec<&str> = path.collect();
    match resource {
        "pod" | "pods" | "po" => {}
        "service" | "services" | "svc" | "configmap" | "configmaps" | "cm" | "secret"
        | "secrets" | "node" | "nodes" | "no" | "event" | "events" | "ev" => {
            return Err(ConsoleError::NotSimulatedCommand {
                command: format!("explain {resource}"),
            })
        }
        _ => {
            return Err(ConsoleError::UnknownResourceType {
                resource: resource.to_string(),
            })
        }
    }
    let mut text = String::from("KIND:       Pod\nVERSION:    v1\n\n");
    let mut schema: Option<&Schema> = Some(&POD);
    let mut primitive = false;
    let mut description = POD.description.to_string();
    for (index, name) in path.iter().enumerate() {
        let last_name = path.last().copied().unwrap_or(name);
        let not_found = || ConsoleError::ExplainFieldNotFound {
            field: last_name.to_string(),
        };
        let Some(current) = schema else {
            if primitive {
                return Err(not_found());
            }
            // An object type whose fields this playground does not describe.
            return Err(ConsoleError::NotSimulatedCommand {
                command: format!("explain {resource}.{}", path[..index].join(".")),
            });
        };
        let field: &Field = current
            .fields
            .iter()
            .find(|f| f.name == *name)
            .ok_or_else(not_found)?;
        if index + 1 == path.len() {
            text.push_str(&format!("FIELD: {} <{}>\n", field.name, field.type_name));
            if !field.enum_values.is_empty() {
                text.push_str("ENUM:");
                for value in field.enum_values {
                    text.push_str("\n    ");
                    text.push_str(if value.is_empty() { "\"\"" } else { value });
                }
            }
            text.push_str("\n\n");
        }
        description = field.description.to_string();
        if let Some(inner) = field.schema {
            description.push_str(inner.description);
        }
        schema = field.schema;
        primitive = matches!(
            field.type_name,
            "string" | "integer" | "boolean" | "number" | "[]string" | "map[string]string"
        );
    }
    text.push_str("DESCRIPTION:\n");
    text.push_str(&indent(4, &wrap(76, &description)));
    text.push('\n');
    if let Some(schema) = schema {
        write_fields(&mut text, schema);
    }
    text.push('\n');
    output.stdout_raw(text);
    Ok(Effect::None)
}

/// `FIELDS:`: each field of a type with its type, `-required-`, its first
/// enum values and its description.
fn write_fields(text: &mut String, schema: &Schema) {
    text.push_str("FIELDS:\n");
    for field in schema.fields {
        text.push_str(&format!("  {}\t<{}>", field.name, field.type_name));
        if field.required {
            text.push_str(" -required-");
        }
        if !field.enum_values.is_empty() {
            let mut values: Vec<&str> = field
                .enum_values
                .iter()
                .take(4)
                .map(|v| if v.is_empty() { "\"\"" } else { v })
                .collect();
            if field.enum_values.len() > 4 {
                values.push("....");
            }
            text.push_str("\n  enum: ");
            text.push_str(&values.join(", "));
        }
        text.push('\n');
        text.push_str(&indent(4, &wrap(76, field.description)));
        text.push_str("\n\n");
    }
}

/// The template's `indent`: `amount` spaces before every line.
fn indent(amount: usize, text: &str) -> String {
    let pad = " ".repeat(amount);
    format!("{pad}{}", text.replace('\n', &format!("\n{pad}")))
}

/// The template's `wrap`: line breaks removed, then go-wordwrap's
/// `WrapString` (greedy at spaces; a word longer than the limit is not split).
fn wrap(limit: usize, text: &str) -> String {
    let text = text.replace('\n', "");
    let mut out = String::new();
    let (mut current, mut word, mut space) = (0usize, String::new(), String::new());
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if space.is_empty() || !word.is_empty() {
                current += space.chars().count() + word.chars().count();
                out.push_str(&space);
                out.push_str(&word);
                space.clear();
                word.clear();
            }
            space.push(c);
        } else {
            word.push(c);
            let word_length = word.chars().count();
            if current + space.chars().count() + word_length > limit && word_length < limit {
                out.push('\n');
                current = 0;
                space.clear();
            }
        }
    }
    if word.is_empty() {
        if current + space.chars().count() <= limit {
            out.push_str(&space);
        }
    } else {
        out.push_str(&space);
        out.push_str(&word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_is_greedy_and_leaves_long_words_whole() {
        assert_eq!(wrap(10, "aaa bbb ccc ddd"), "aaa bbb\nccc ddd");
        assert_eq!(
            wrap(10, "see https://example.com/long/path now"),
            "see\nhttps://example.com/long/path\nnow"
        );
        assert_eq!(wrap(10, "one.\ntwo"), "one.two");
    }
}
