//! The cluster's network: ClusterIP allocation, the pods behind each Service
//! (kube-proxy's routes) and DNS records, handed to the runtime.

use super::records::PodRecord;
use super::{Cluster, Routes};
use crate::spec::{IntOrString, Manifest, Service, ServicePort};
use std::collections::{BTreeMap, BTreeSet};

impl Cluster {
    /// Gives a Service its virtual IP, as the API server's allocator does:
    /// from 10.96.0.0/12, here derived from its name so runs repeat.
    pub(super) fn allocate_cluster_ip(&mut self, service: &crate::spec::Service) {
        let key = (
            service
                .metadata
                .namespace
                .clone()
                .unwrap_or_else(|| "default".to_string()),
            service.metadata.name.clone(),
        );
        if self.cluster_ips.contains_key(&key) {
            return;
        }
        let mut hash: u32 = 2_166_136_261;
        for byte in key.0.bytes().chain([b'/']).chain(key.1.bytes()) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(16_777_619);
        }
        let taken: BTreeSet<&String> = self.cluster_ips.values().collect();
        let ip = (0..)
            .map(|probe: u32| {
                let offset = hash.wrapping_add(probe) % 0x000f_fff0 + 11;
                format!(
                    "10.{}.{}.{}",
                    96 + (offset >> 16),
                    (offset >> 8) & 0xff,
                    offset & 0xff
                )
            })
            .find(|ip| !taken.contains(ip) && !ip.ends_with(".0") && !ip.ends_with(".255"))
            .unwrap_or_default();
        self.cluster_ips.insert(key, ip);
    }

    /// The pods of namespace `namespace` that back `service` now: selected
    /// by its selector, Ready, and not being deleted (the endpoints
    /// controller's rule).
    pub fn endpoint_pods<'a>(
        &'a self,
        namespace: &'a str,
        service: &'a Service,
    ) -> impl Iterator<Item = &'a PodRecord> + 'a {
        endpoint_pods(self.pods.values(), namespace, service)
    }

    /// Gives the runtime the cluster DNS records and kube-proxy's routes for
    /// the Services, with the ready pods they select as backends.
    pub(super) fn refresh_network(&mut self) {
        let mut dns = BTreeMap::new();
        let mut routes = Routes::new();
        for ((kind, namespace, name), manifest) in &self.objects {
            let (true, Manifest::Service(service)) = (*kind == "Service", manifest) else {
                continue;
            };
            let Some(ip) = self.cluster_ips.get(&(namespace.clone(), name.clone())) else {
                continue;
            };
            dns.insert(format!("{name}.{namespace}.svc.cluster.local"), ip.clone());
            let selected: Vec<&PodRecord> =
                endpoint_pods(self.pods.values(), namespace, service).collect();
            for port in &service.spec.ports {
                let backends = selected
                    .iter()
                    .filter_map(|record| {
                        let pod_ip = record.status.pod_ip.clone()?;
                        let target = target_port(record, port)?;
                        Some((pod_ip, u16::try_from(target).ok()?))
                    })
                    .collect();
                if let Ok(number) = u16::try_from(port.port) {
                    routes.insert((ip.clone(), number), backends);
                }
            }
        }
        if self.network_state != (dns.clone(), routes.clone()) {
            self.kubelet.runtime.set_dns(dns.clone());
            self.kubelet.runtime.set_services(routes.clone());
            self.network_state = (dns, routes);
        }
    }
}

/// Of `pods`, those that back `service` in `namespace`.
pub(super) fn endpoint_pods<'a>(
    pods: impl Iterator<Item = &'a PodRecord> + 'a,
    namespace: &'a str,
    service: &'a Service,
) -> impl Iterator<Item = &'a PodRecord> + 'a {
    pods.filter(move |record| {
        record.pod.namespace() == namespace
            && !service.spec.selector.is_empty()
            && service
                .spec
                .selector
                .iter()
                .all(|(k, v)| record.pod.metadata.labels.get(k) == Some(v))
            && record.status.condition("Ready").is_some_and(|c| c.status)
            && record.deletion_requested.is_none()
    })
}

/// The container port of `record` that `port`'s targetPort names (a number,
/// or a container port's name), as kube-proxy resolves it.
pub fn target_port(record: &PodRecord, port: &ServicePort) -> Option<i64> {
    match &port.target_port {
        None => Some(port.port),
        Some(IntOrString::Int(number)) => Some(*number),
        Some(IntOrString::String(port_name)) => record
            .pod
            .spec
            .containers
            .iter()
            .flat_map(|c| &c.ports)
            .find(|p| p.name.as_deref() == Some(port_name.as_str()))
            .map(|p| p.container_port),
    }
}
