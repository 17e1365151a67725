//! The pod network's addresses: the CNI `host-local` IPAM plugin over the
//! node's podCIDR, which flannel's bridge delegate calls for every sandbox,
//! and the error cri-dockerd's `RunPodSandbox` returns when the range is used
//! up.
//!
//! As containernetworking/plugins' `host-local` allocator does
//! (`backend/allocator/allocator.go`, `range.go`): the range of a /24 runs
//! from `.1` to `.254` (the network and broadcast addresses are left out),
//! the gateway `.1` is skipped, so 253 sandboxes can hold an address at
//! once; a new sandbox gets the first free address after the last one
//! reserved, round robin ("a crash-looping container will not see the same
//! IP until the entire range has been run through"); `CNI DEL` (the sandbox
//! stopped) releases the address.

use std::collections::BTreeMap;

/// The node's podCIDR (`spec.podCIDR`), whose first three bytes every pod
/// IP shares.
const POD_SUBNET: [u8; 3] = [10, 244, 1];

/// The range's first and last host byte (`RangeStart`, `RangeEnd` of a /24).
const RANGE_START: u8 = 1;
const RANGE_END: u8 = 254;

/// The gateway's host byte (the bridge `cni0`), never handed out.
const GATEWAY: u8 = 1;

/// The addresses reserved on the node, as `host-local` keeps them under
/// `/var/lib/cni/networks/cbr0/`.
#[derive(Debug, Clone, Default)]
pub struct HostLocal {
    /// The sandbox holding each reserved address, by host byte.
    reserved: BTreeMap<u8, String>,
    /// The host byte reserved last (`last_reserved_ip.0`).
    last_reserved: Option<u8>,
}

impl HostLocal {
    /// Reserves an address for the sandbox `sandbox_id` (`CNI ADD`): the
    /// first free one after the last reserved, or host-local's error when
    /// none is free.
    pub fn allocate(&mut self, sandbox_id: &str) -> Result<[u8; 4], String> {
        let size = u16::from(RANGE_END - RANGE_START) + 1;
        // Every address but the gateway's taken: no need to search.
        let full = self.reserved.len() >= usize::from(size) - 1;
        let first = match self.last_reserved {
            Some(last) if last < RANGE_END => last + 1,
            _ => RANGE_START,
        };
        let offset = u16::from(first - RANGE_START);
        let free = (0..size)
            .take_while(|_| !full)
            .map(|step| RANGE_START + ((offset + step) % size) as u8)
            .filter(|&host| host != GATEWAY)
            .find(|host| !self.reserved.contains_key(host));
        let Some(host) = free else {
            return Err(format!(
                "failed to allocate for range 0: no IP addresses available in range set: {}",
                range_set()
            ));
        };
        self.reserved.insert(host, sandbox_id.to_string());
        self.last_reserved = Some(host);
        let [a, b, c] = POD_SUBNET;
        Ok([a, b, c, host])
    }

    /// Releases what the sandbox `sandbox_id` holds (`CNI DEL`).
    pub fn release(&mut self, sandbox_id: &str) {
        self.reserved.retain(|_, holder| holder != sandbox_id);
    }
}

/// The range set as host-local prints it (`RangeSet.String`).
fn range_set() -> String {
    let [a, b, c] = POD_SUBNET;
    format!("{a}.{b}.{c}.{RANGE_START}-{a}.{b}.{c}.{RANGE_END}")
}

/// The message of the `FailedCreatePodSandBox` event when setting up the
/// sandbox's network failed with `cni_error`: the kubelet's "Failed to
/// create pod sandbox: %v" (`kuberuntime_manager.go`, SyncPod step 4) of the
/// gRPC status cri-dockerd returned, which wraps the error as cri-dockerd's
/// `RunPodSandbox` (`core/sandbox_run.go`), its plugin manager
/// (`network/plugins.go`), libcni v1.1.2's `AddNetworkList` and flannel's
/// `delegateAdd` word it.
pub fn sandbox_network_failure(
    sandbox_id: &str,
    pod_name: &str,
    namespace: &str,
    cni_error: &str,
) -> String {
    format!(
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container \"{sandbox_id}\" network for pod \"{pod_name}\": networkPlugin cni failed to set up pod \"{pod_name}_{namespace}\" network: plugin type=\"flannel\" failed (add): failed to delegate add: {cni_error}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip_text(ip: [u8; 4]) -> String {
        ip.map(|b| b.to_string()).join(".")
    }

    #[test]
    fn the_first_sandbox_gets_dot_two_as_the_gateway_holds_dot_one() {
        let mut ipam = HostLocal::default();
        assert_eq!(ipam.allocate("a").map(ip_text), Ok("10.244.1.2".into()));
        assert_eq!(ipam.allocate("b").map(ip_text), Ok("10.244.1.3".into()));
    }

    #[test]
    fn the_254th_sandbox_finds_no_address_as_host_local_words_it() {
        // containernetworking/plugins host-local: allocator.go's
        // "no IP addresses available in range set: %s" wrapped by main.go's
        // "failed to allocate for range %d: %v"; range.go's RangeStart .1 and
        // RangeEnd .254 of a /24 (RangeSet.String joins "start-end").
        let mut ipam = HostLocal::default();
        for n in 0..253 {
            assert!(ipam.allocate(&format!("s{n}")).is_ok(), "sandbox {n}");
        }
        assert_eq!(ipam.reserved.len(), 253);
        assert_eq!(
            ipam.allocate("one-too-many"),
            Err("failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254".into())
        );
    }

    #[test]
    fn a_released_address_is_given_again_only_after_the_range_wraps() {
        // host-local's GetIter: round robin from the last reserved IP + 1.
        let mut ipam = HostLocal::default();
        let first = ipam.allocate("first").map(ip_text);
        assert!(ipam.allocate("second").is_ok());
        ipam.release("first");
        assert_eq!(ipam.allocate("third").map(ip_text), Ok("10.244.1.4".into()));
        for n in 0..250 {
            assert!(ipam.allocate(&format!("s{n}")).is_ok(), "sandbox {n}");
        }
        // .254 is taken now; the next search wraps to .2, free again.
        assert_eq!(ipam.allocate("wrapped").map(ip_text), first);
        assert!(ipam.allocate("full").is_err());
        ipam.release("s7");
        assert_eq!(ipam.allocate("room").map(ip_text), Ok("10.244.1.12".into()));
    }

    #[test]
    fn the_event_message_wraps_the_cni_error_as_cri_dockerd_and_flannel_do() {
        let message = sandbox_network_failure("abc", "web", "default", "boom");
        assert_eq!(
            message,
            "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container \"abc\" network for pod \"web\": networkPlugin cni failed to set up pod \"web_default\" network: plugin type=\"flannel\" failed (add): failed to delegate add: boom"
        );
    }
}
