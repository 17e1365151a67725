//! `kubectl run NAME --image=IMAGE [--port=P] [--restart=Never|OnFailure]
//! [--env=K=V]… [--labels=k=v,…] [--command] [-- ARGS…]`: a pod with one
//! container named after it, labelled `run=NAME`, as kubectl builds it, then
//! created through the same validation as `kubectl create`.

use super::apply::refusal;
use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use crate::sim::ApplyOutcome;
use crate::spec::parse_manifests;

const FLAGS: [FlagSpec; 7] = [
    FlagSpec::value("image", None),
    FlagSpec::value("port", None),
    FlagSpec::value("restart", None),
    FlagSpec::value("env", None),
    FlagSpec::value("labels", Some('l')),
    FlagSpec::switch("command", None),
    FlagSpec::value("image-pull-policy", None),
];

/// Runs `kubectl run ARGS`.
pub fn run(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let dash = arguments.iter().position(|a| a == "--");
    let (before, trailing) = match dash {
        Some(index) => (&arguments[..index], arguments[index + 1..].to_vec()),
        None => (arguments, Vec::new()),
    };
    let args = parse_args("run", before, &FLAGS)?;
    let Some((name, extra)) = args.positionals.split_first() else {
        return Err(ConsoleError::RunNameRequired);
    };
    let Some(image) = args.value("image") else {
        return Err(ConsoleError::RunImageRequired);
    };
    let trailing: Vec<String> = extra.iter().cloned().chain(trailing).collect();
    let namespace = args.value("namespace").unwrap_or("default");
    let quote = |text: &str| serde_json_string(text);
    let mut yaml = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {}\n  namespace: {}\n  labels:\n",
        quote(name),
        quote(namespace)
    );
    match args.value("labels") {
        Some(labels) => {
            for pair in labels.split(',') {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                yaml.push_str(&format!("    {}: {}\n", quote(key), quote(value)));
            }
        }
        None => yaml.push_str(&format!("    run: {}\n", quote(name))),
    }
    yaml.push_str(&format!(
        "spec:\n  restartPolicy: {}\n  containers:\n  - name: {}\n    image: {}\n",
        quote(args.value("restart").unwrap_or("Always")),
        quote(name),
        quote(image)
    ));
    if let Some(policy) = args.value("image-pull-policy") {
        yaml.push_str(&format!("    imagePullPolicy: {}\n", quote(policy)));
    }
    if let Some(port) = args.value("port") {
        yaml.push_str(&format!("    ports:\n    - containerPort: {port}\n"));
    }
    if !trailing.is_empty() {
        let field = if args.is_set("command") {
            "command"
        } else {
            "args"
        };
        let items: Vec<String> = trailing.iter().map(|a| quote(a)).collect();
        yaml.push_str(&format!("    {field}: [{}]\n", items.join(", ")));
    }
    let env = args.values("env");
    if !env.is_empty() {
        yaml.push_str("    env:\n");
        for pair in env {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            yaml.push_str(&format!(
                "    - name: {}\n      value: {}\n",
                quote(key),
                quote(value)
            ));
        }
    }
    let parsed = parse_manifests(&yaml);
    let Some(document) = parsed.documents.into_iter().next() else {
        return Ok(Effect::None);
    };
    if let Some(error) = refusal(&document, "STDIN") {
        return Err(error);
    }
    let Some(manifest) = document.manifest else {
        return Ok(Effect::None);
    };
    if cluster.contains(&manifest) {
        return Err(ConsoleError::RunAlreadyExists { name: name.clone() });
    }
    match cluster.apply(manifest) {
        ApplyOutcome::NamespaceNotFound => Err(ConsoleError::RunNamespaceNotFound {
            namespace: namespace.to_string(),
        }),
        _ => {
            output.stdout(format!("pod/{name} created"));
            Ok(Effect::None)
        }
    }
}

/// A string as a JSON (and so YAML) double-quoted scalar.
fn serde_json_string(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if (c as u32) < 0x20 => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}
