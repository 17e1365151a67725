//! A pod's network namespace as its containers see it: one `eth0` with the
//! pod's IP and MAC (the same from every container), `lo`, and the files the
//! kubelet writes into every container (`/etc/hosts`, `/etc/resolv.conf`,
//! `/etc/hostname`). Sockets and traffic build on this.

use super::fs::{FileSystem, FsError, View};
use super::shell::Flavor;

/// The cluster DNS service's address (kube-dns in 10.96.0.0/12).
pub const CLUSTER_DNS: &str = "10.96.0.10";

/// The network namespace of one pod (held by its pause container).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodNetwork {
    /// The pod IP.
    pub ip: [u8; 4],
    /// The prefix length of the node's pod subnet.
    pub prefix: u8,
    /// `eth0`'s MAC address.
    pub mac: [u8; 6],
    /// The index of the host-side veth (`eth0@ifN`).
    pub peer_index: u32,
    /// The interface MTU (1450 under flannel's VXLAN).
    pub mtu: u32,
}

impl PodNetwork {
    /// The pod's network for IP `ip`, its MAC derived from `seed` (a locally
    /// administered address, as CNI plugins make them).
    pub fn new(ip: [u8; 4], seed: u64, peer_index: u32) -> PodNetwork {
        let mut mac = [0u8; 6];
        let mut value = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66;
        for byte in &mut mac {
            value = value.rotate_left(13).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            *byte = (value >> 40) as u8;
        }
        mac[0] = (mac[0] & 0xfe) | 0x02;
        PodNetwork {
            ip,
            prefix: 24,
            mac,
            peer_index,
            mtu: 1450,
        }
    }

    /// The pod IP as text.
    pub fn ip_text(&self) -> String {
        let [a, b, c, d] = self.ip;
        format!("{a}.{b}.{c}.{d}")
    }

    fn broadcast(&self) -> String {
        let [a, b, c, _] = self.ip;
        format!("{a}.{b}.{c}.255")
    }

    fn mac_text(&self) -> String {
        self.mac
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":")
    }

    /// `ip a` / `ip addr`, as iproute2 (or busybox, which omits state and group) prints it.
    pub fn ip_addr(&self, flavor: Flavor) -> String {
        let (lo_tail, eth_tail) = match flavor {
            Flavor::Busybox => (" qlen 1000".to_string(), String::new()),
            _ => (
                " state UNKNOWN group default qlen 1000".to_string(),
                " state UP group default".to_string(),
            ),
        };
        format!(
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue{lo_tail}\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n3: eth0@if{peer}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu {mtu} qdisc noqueue{eth_tail}\n    link/ether {mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet {ip}/{prefix} brd {broadcast} scope global eth0\n       valid_lft forever preferred_lft forever\n",
            peer = self.peer_index,
            mtu = self.mtu,
            mac = self.mac_text(),
            ip = self.ip_text(),
            prefix = self.prefix,
            broadcast = self.broadcast(),
        )
    }

    /// `ip route`: the default route through the pod subnet's gateway.
    pub fn ip_route(&self) -> String {
        let [a, b, c, _] = self.ip;
        format!(
            "default via {a}.{b}.{c}.1 dev eth0 \n{a}.{b}.{c}.0/{prefix} dev eth0 proto kernel scope link src {ip} \n",
            prefix = self.prefix,
            ip = self.ip_text()
        )
    }

    /// `ifconfig` as busybox prints it (eth0 and lo).
    pub fn ifconfig(&self) -> String {
        format!(
            "eth0      Link encap:Ethernet  HWaddr {mac}  \n          inet addr:{ip}  Bcast:{broadcast}  Mask:255.255.255.0\n          UP BROADCAST RUNNING MULTICAST  MTU:{mtu}  Metric:1\n\nlo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n\n",
            mac = self.mac_text().to_uppercase(),
            ip = self.ip_text(),
            broadcast = self.broadcast(),
            mtu = self.mtu,
        )
    }
}

/// Writes the files the kubelet puts in every container: `/etc/hosts`
/// (Kubernetes-managed, with the pod's own name), `/etc/resolv.conf` (cluster
/// DNS and the namespace's search path) and `/etc/hostname`.
pub fn write_pod_files(
    fs: &mut FileSystem,
    view: &View,
    network: &PodNetwork,
    hostname: &str,
    namespace: &str,
) -> Result<(), FsError> {
    fs.make_directory(view, "/", "/etc", true)?;
    let hosts = format!(
        "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n{}\t{hostname}\n",
        network.ip_text()
    );
    fs.write(view, "/", "/etc/hosts", hosts.as_bytes(), false)?;
    let resolv = format!(
        "search {namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver {CLUSTER_DNS}\noptions ndots:5\n"
    );
    fs.write(view, "/", "/etc/resolv.conf", resolv.as_bytes(), false)?;
    fs.write(
        view,
        "/",
        "/etc/hostname",
        format!("{hostname}\n").as_bytes(),
        false,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_a_shows_lo_and_eth0_as_iproute2_prints_them() {
        let network = PodNetwork {
            ip: [10, 244, 1, 15],
            prefix: 24,
            mac: [0xce, 0x67, 0x02, 0xaa, 0x10, 0xc2],
            peer_index: 22,
            mtu: 1450,
        };
        assert_eq!(
            network.ip_addr(Flavor::Bash),
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n3: eth0@if22: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default\n    link/ether ce:67:02:aa:10:c2 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet 10.244.1.15/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n"
        );
    }

    #[test]
    fn macs_are_locally_administered_unicast_and_deterministic() {
        let a = PodNetwork::new([10, 244, 1, 2], 7, 5);
        assert_eq!(a.mac[0] & 0x03, 0x02);
        assert_eq!(a, PodNetwork::new([10, 244, 1, 2], 7, 5));
        assert_ne!(a.mac, PodNetwork::new([10, 244, 1, 3], 8, 6).mac);
    }

    #[test]
    fn the_kubelets_files_are_written_into_the_container() {
        let mut fs = FileSystem::default();
        let view = View {
            root: fs.new_directory(),
            mounts: Vec::new(),
        };
        let network = PodNetwork::new([10, 244, 1, 15], 1, 22);
        write_pod_files(&mut fs, &view, &network, "my-podz", "default").unwrap();
        let hosts = String::from_utf8(fs.read(&view, "/", "/etc/hosts").unwrap().to_vec()).unwrap();
        assert!(hosts.starts_with("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n"));
        assert!(hosts.ends_with("10.244.1.15\tmy-podz\n"));
        assert_eq!(
            fs.read(&view, "/", "/etc/resolv.conf").unwrap(),
            b"search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
        );
    }
}
