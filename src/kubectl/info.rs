//! `kubectl version` and `kubectl cluster-info`: which Kubernetes this is and
//! where its control plane answers.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use crate::KUBERNETES_VERSION;

/// The kustomize version kubectl v1.36 embeds.
const KUSTOMIZE_VERSION: &str = "v5.8.1";

/// The API server's port on the node.
const API_SERVER_PORT: u16 = 6443;

/// Runs `kubectl version [--client]`.
pub fn version(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context { output, .. } = context;
    let args = parse_args("version", arguments, &[FlagSpec::switch("client", None)])?;
    let mut text =
        format!("Client Version: {KUBERNETES_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}\n");
    if !args.is_set("client") {
        text.push_str(&format!("Server Version: {KUBERNETES_VERSION}\n"));
    }
    output.stdout_raw(text);
    Ok(Effect::None)
}

/// Runs `kubectl cluster-info`.
pub fn cluster_info(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    parse_args("cluster-info", arguments, &[])?;
    let server = format!("https://{}:{API_SERVER_PORT}", cluster.node().internal_ip);
    output.stdout_raw(format!(
        "Kubernetes control plane is running at {server}\nCoreDNS is running at {server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
    ));
    Ok(Effect::None)
}
