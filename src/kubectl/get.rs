//! `kubectl get pods`.

use super::args::{parse_args, FlagSpec};
use super::console::{Console, Output};
use super::errors::ConsoleError;
use super::printers::pod_row;
use super::tabwriter::TabWriter;

const FLAGS: [FlagSpec; 2] = [
    FlagSpec::value("output", Some('o')),
    FlagSpec::switch("all-namespaces", Some('A')),
];

/// Runs `kubectl get ARGS`.
pub fn get(
    console: &Console,
    arguments: &[String],
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let args = parse_args("get", arguments, &FLAGS)?;
    let Some((resource, names)) = args.positionals.split_first() else {
        return Err(ConsoleError::ResourceTypeRequired);
    };
    // `pods/NAME` names the type and the object in one word.
    let (resource, names): (String, Vec<String>) = match resource.split_once('/') {
        Some((kind, name)) => (
            kind.to_string(),
            std::iter::once(name.to_string())
                .chain(names.iter().cloned())
                .collect(),
        ),
        None => (resource.clone(), names.to_vec()),
    };
    if !matches!(resource.as_str(), "pods" | "pod" | "po") {
        return Err(ConsoleError::UnknownResourceType { resource });
    }
    let wide = match args.value("output") {
        None => false,
        Some("wide") => true,
        Some(format) => {
            return Err(ConsoleError::UnsupportedOutputFormat {
                format: format.to_string(),
            })
        }
    };
    let all_namespaces = args.is_set("all-namespaces");
    let namespace = args.value("namespace").unwrap_or("default");
    let now = console.cluster().now();

    let mut records = Vec::new();
    for name in &names {
        match console.cluster().pod(namespace, name) {
            Some(record) => records.push(record),
            None => output.error(ConsoleError::PodNotFound { name: name.clone() }),
        }
    }
    if names.is_empty() {
        records.extend(
            console
                .cluster()
                .pods()
                .filter(|r| all_namespaces || r.pod.namespace() == namespace),
        );
        if records.is_empty() {
            output.stderr(if all_namespaces {
                "No resources found".to_string()
            } else {
                format!("No resources found in {namespace} namespace.")
            });
            return Ok(());
        }
    }
    if records.is_empty() {
        return Ok(());
    }

    let mut table = String::new();
    if all_namespaces {
        table.push_str("NAMESPACE\t");
    }
    table.push_str("NAME\tREADY\tSTATUS\tRESTARTS\tAGE");
    if wide {
        table.push_str("\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES");
    }
    table.push('\n');
    for record in records {
        let row = pod_row(record, now);
        if all_namespaces {
            table.push_str(record.pod.namespace());
            table.push('\t');
        }
        table.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}",
            row.name, row.ready, row.status, row.restarts, row.age
        ));
        if wide {
            table.push_str(&format!("\t{}\t{}\t<none>\t<none>", row.ip, row.node));
        }
        table.push('\n');
    }
    output.stdout(TabWriter::GET.format(&table));
    Ok(())
}
