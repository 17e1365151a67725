//! The `get` command: which resources and names the words ask for, then
//! their table (or `-o name`), or the objects themselves for `-o yaml|json|
//! jsonpath|custom-columns`; with `-w` on pods, the watch that goes on.

use super::resource::{headers, Resource};
use super::rows::{labels_cell, rows, Row};
use super::selector::parse_selector;
use crate::kubectl::args::{parse_args, Args, FlagSpec};
use crate::kubectl::context::Context;
use crate::kubectl::effect::{Effect, Follow};
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::object::{pod_object, ApiObject};
use crate::kubectl::output::Printer;
use crate::kubectl::resources::{event_objects, node_object, stored_objects};
use crate::kubectl::sink::Output;
use crate::kubectl::tabwriter::TabWriter;
use crate::kubectl::watch::PodWatch;
use crate::sim::Cluster;

const FLAGS: [FlagSpec; 5] = [
    FlagSpec::value("output", Some('o')),
    FlagSpec::switch("all-namespaces", Some('A')),
    FlagSpec::value("selector", Some('l')),
    FlagSpec::switch("show-labels", None),
    FlagSpec::switch("watch", Some('w')),
];

/// Runs `kubectl get ARGS`; with `-w` on pods, returns the watch that goes on.
pub fn get(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("get", arguments, &FLAGS)?;
    let Some((first, names)) = args.positionals.split_first() else {
        return Err(ConsoleError::ResourceTypeRequired);
    };
    // `pods/NAME` names the type and the object in one word.
    let (word, names): (String, Vec<String>) = match first.split_once('/') {
        Some((kind, name)) => (
            kind.to_string(),
            std::iter::once(name.to_string())
                .chain(names.iter().cloned())
                .collect(),
        ),
        None => (first.clone(), names.to_vec()),
    };
    let format = Printer::for_format(args.value("output"))?;
    let selector = parse_selector(args.value("selector").unwrap_or(""));
    let resources: Vec<Resource> = if word == "all" {
        vec![Resource::Pods, Resource::Services]
    } else {
        vec![
            Resource::from_word(&word).ok_or(ConsoleError::UnknownResourceType {
                resource: word.clone(),
            })?,
        ]
    };
    if format.prints_objects() {
        return print_objects(cluster, &args, &resources, &names, &format, output)
            .map(|()| Effect::None);
    }
    let all_namespaces = args.is_set("all-namespaces");
    let namespace = args.value("namespace").unwrap_or("default");
    let mut printed_any = false;
    // The header and rows printed for pods, for a watch to line up with.
    let mut printed_pods: Vec<Vec<String>> = Vec::new();
    for resource in &resources {
        let mut rows = rows(cluster, *resource);
        rows.retain(|row| {
            (all_namespaces || *resource == Resource::Nodes || row.namespace == namespace)
                && selector
                    .iter()
                    .all(|requirement| requirement.matches(&row.labels))
        });
        if !names.is_empty() {
            rows = named_rows(rows, &names, *resource, output);
        }
        if rows.is_empty() {
            continue;
        }
        if printed_any && format != Printer::Name {
            output.stdout("");
        }
        printed_any = true;
        let prefixed = word == "all";
        if *resource == Resource::Pods {
            printed_pods.extend(pod_cells(&rows, all_namespaces));
        }
        print_table(
            *resource,
            rows,
            &format,
            all_namespaces,
            prefixed,
            args.is_set("show-labels"),
            output,
        );
    }
    if !printed_any && names.is_empty() {
        output.stderr(if all_namespaces || resources == [Resource::Nodes] {
            "No resources found".to_string()
        } else {
            format!("No resources found in {namespace} namespace.")
        });
    }
    if args.is_set("watch") && resources == [Resource::Pods] && format != Printer::Name {
        return Ok(Effect::Follow(Follow::Pods(PodWatch::new(
            cluster,
            (!all_namespaces).then(|| namespace.to_string()),
            names,
            &printed_pods,
        ))));
    }
    Ok(Effect::None)
}

/// The rows `names` name, in their order, each missing one's error printed.
fn named_rows(
    mut rows: Vec<Row>,
    names: &[String],
    resource: Resource,
    output: &mut Output,
) -> Vec<Row> {
    let mut chosen = Vec::new();
    for name in names {
        match rows.iter().position(|r| &r.name == name) {
            Some(index) => chosen.push(rows.remove(index)),
            None => output.error(ConsoleError::ObjectNotFound {
                resource: resource.plural(),
                name: name.clone(),
            }),
        }
    }
    chosen
}

/// The pods' header and rows as printed (`NAMESPACE` first with `-A`), for
/// a watch to line up with.
fn pod_cells(rows: &[Row], all_namespaces: bool) -> Vec<Vec<String>> {
    let mut header: Vec<String> = headers(Resource::Pods)
        .0
        .iter()
        .map(|h| h.to_string())
        .collect();
    if all_namespaces {
        header.insert(0, "NAMESPACE".to_string());
    }
    let mut printed = vec![header];
    printed.extend(rows.iter().map(|row| {
        let mut cells = row.cells.clone();
        if all_namespaces {
            cells.insert(0, row.namespace.clone());
        }
        cells
    }));
    printed
}

/// `-o yaml|json|jsonpath=…|custom-columns=…`: the objects as the API
/// returns them, after the not-found errors kubectl gathers on the way.
fn print_objects(
    cluster: &Cluster,
    args: &Args,
    resources: &[Resource],
    names: &[String],
    printer: &Printer,
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let all_namespaces = args.is_set("all-namespaces");
    let namespace = args.value("namespace").unwrap_or("default");
    let selector = parse_selector(args.value("selector").unwrap_or(""));
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for resource in resources {
        let mut found: Vec<ApiObject> = api_objects(cluster, *resource);
        found.retain(|found| {
            (all_namespaces || *resource == Resource::Nodes || found.namespace == namespace)
                && selector.iter().all(|s| s.matches(&found.labels))
        });
        if names.is_empty() {
            objects.extend(found.into_iter().map(|found| found.object));
            continue;
        }
        for name in names {
            match found.iter().position(|found| &found.name == name) {
                Some(index) => objects.push(found.remove(index).object),
                None => errors.push(ConsoleError::ObjectNotFound {
                    resource: resource.plural(),
                    name: name.clone(),
                }),
            }
        }
    }
    // One object named: that object, or its error alone.
    let single = names.len() == 1 && resources.len() == 1;
    if single && objects.is_empty() {
        return Err(errors.remove(0));
    }
    printer.print(objects, single, output)?;
    for error in errors {
        output.error(error);
    }
    Ok(())
}

/// Every object of `resource` as the API returns it.
fn api_objects(cluster: &Cluster, resource: Resource) -> Vec<ApiObject> {
    match resource {
        Resource::Pods => cluster
            .pods()
            .map(|record| ApiObject {
                namespace: record.pod.namespace().to_string(),
                name: record.pod.metadata.name.clone(),
                labels: record.pod.metadata.labels.clone(),
                object: pod_object(record),
            })
            .collect(),
        Resource::Services | Resource::ConfigMaps | Resource::Secrets => {
            stored_objects(cluster, resource.kind())
        }
        Resource::Nodes => vec![node_object(cluster)],
        Resource::Events => event_objects(cluster),
    }
}

/// The table (or `-o name`'s lines) of one resource's rows.
fn print_table(
    resource: Resource,
    rows: Vec<Row>,
    format: &Printer,
    all_namespaces: bool,
    prefixed: bool,
    show_labels: bool,
    output: &mut Output,
) {
    if *format == Printer::Name {
        for row in rows {
            output.stdout(format!("{}/{}", resource.singular(), row.name));
        }
        return;
    }
    let (headers, wide_headers) = headers(resource);
    let mut table = String::new();
    if all_namespaces && resource != Resource::Nodes {
        table.push_str("NAMESPACE\t");
    }
    table.push_str(&headers.join("\t"));
    if *format == Printer::Wide {
        for header in wide_headers {
            table.push('\t');
            table.push_str(header);
        }
    }
    if show_labels {
        table.push_str("\tLABELS");
    }
    table.push('\n');
    for row in rows {
        if all_namespaces && resource != Resource::Nodes {
            table.push_str(&row.namespace);
            table.push('\t');
        }
        let mut cells = row.cells;
        if prefixed {
            cells[0] = format!("{}/{}", resource.singular(), cells[0]);
        }
        if *format == Printer::Wide {
            cells.extend(row.wide);
        }
        if show_labels {
            cells.push(labels_cell(&row.labels));
        }
        table.push_str(&cells.join("\t"));
        table.push('\n');
    }
    output.stdout(TabWriter::GET.format(&table));
}
