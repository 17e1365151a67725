//! The one-line narration under the diagram: what is happening to the pod now
//! and why, chosen from its scene by priority (a deletion before a back-off,
//! a back-off before a running init container…), worded in Chinese and English.

use crate::clock::SimTime;
use crate::i18n::Lang;
use crate::layout::ContainerKind;
use crate::scene::{PacketKind, PodScene, StateKind};
use crate::sim::{PodDetails, PodRecord, StartPhase};

/// What the narration says, with what it names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Narration {
    /// No pod to tell of.
    NoPod,
    /// The pod is stored but not bound to the node yet.
    Scheduling,
    /// The kubelet creates the pause container.
    CreatingSandbox,
    /// An image is being pulled.
    Pulling { container: String, image: String },
    /// A container is being created.
    Creating { container: String },
    /// The pod is being deleted.
    Terminating,
    /// The eviction manager evicted the pod.
    Evicted,
    /// A container waits out its restart back-off.
    BackOff {
        container: String,
        exit_code: Option<i32>,
        seconds: u64,
    },
    /// An image could not be pulled.
    ImagePullFailed { container: String, image: String },
    /// An init container runs; the app containers wait for it.
    InitRunning {
        container: String,
        position: usize,
        total: usize,
        last_log: Option<String>,
    },
    /// An init container waits for a Service that does not exist.
    InitWaitsForService { container: String, service: String },
    /// A container could not listen on a port another holds.
    PortClash {
        container: String,
        port: u16,
        holder: Option<String>,
    },
    /// One container writes into a volume another reads.
    Sharing {
        writer: String,
        reader: String,
        volume: String,
    },
    /// A container talks to another over localhost.
    Localhost { client: String, port: u16 },
    /// A container talks to an address outside the pod.
    Outbound { client: String, to: String },
    /// Something outside the pod reaches one of its ports.
    Inbound { port: u16 },
    /// Every container runs.
    Running { count: usize },
    /// A container waits, for the reason kubectl shows.
    Waiting { container: String, reason: String },
    /// Every container exited 0 and will not restart.
    Succeeded,
    /// The pod failed for good.
    Failed,
}

/// Chooses what to say about the pod.
pub fn narrate(
    scene: &PodScene,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Narration {
    if scene.terminating {
        return Narration::Terminating;
    }
    if record.status.reason.as_deref() == Some("Evicted") {
        return Narration::Evicted;
    }
    if record.node_name.is_none() {
        return Narration::Scheduling;
    }
    if let Some(starting) = &details.starting {
        match (&starting.phase, &starting.container) {
            (StartPhase::Sandbox, _) => return Narration::CreatingSandbox,
            (StartPhase::Pull, Some(container)) => {
                let image = scene
                    .containers
                    .iter()
                    .find(|c| c.name == *container)
                    .map(|c| c.image.clone())
                    .unwrap_or_default();
                return Narration::Pulling {
                    container: container.clone(),
                    image,
                };
            }
            (StartPhase::Create, Some(container)) => {
                return Narration::Creating {
                    container: container.clone(),
                }
            }
            _ => {}
        }
    }
    if let Some(back_off) = details.back_offs.first() {
        let exit_code = scene
            .containers
            .iter()
            .find(|c| c.name == back_off.container)
            .and_then(|c| c.exit_code)
            .or_else(|| last_exit_code(record, &back_off.container));
        return Narration::BackOff {
            container: back_off.container.clone(),
            exit_code,
            seconds: (back_off.until - now).div_ceil(1000),
        };
    }
    if let Some(failed) = scene.containers.iter().find(|c| {
        matches!(
            c.reason.as_str(),
            "ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName"
        )
    }) {
        return Narration::ImagePullFailed {
            container: failed.name.clone(),
            image: failed.image.clone(),
        };
    }
    if let Some(clash) = scene.ports.iter().find(|p| p.clash.is_some()) {
        return Narration::PortClash {
            container: clash.clash.clone().unwrap_or_default(),
            port: clash.port,
            holder: clash.owner.clone(),
        };
    }
    let inits: Vec<_> = scene
        .containers
        .iter()
        .filter(|c| c.kind == ContainerKind::Init)
        .collect();
    if let Some((index, running)) = inits
        .iter()
        .enumerate()
        .find(|(_, c)| c.state == StateKind::Running)
    {
        if let Some(service) = &running.missing_service {
            return Narration::InitWaitsForService {
                container: running.name.clone(),
                service: service.clone(),
            };
        }
        return Narration::InitRunning {
            container: running.name.clone(),
            position: index + 1,
            total: inits.len(),
            last_log: running.last_log.clone(),
        };
    }
    match scene.phase.as_str() {
        "Succeeded" => return Narration::Succeeded,
        "Failed" => return Narration::Failed,
        _ => {}
    }
    if let Some(narration) = traffic(scene) {
        return narration;
    }
    let app = || {
        scene
            .containers
            .iter()
            .filter(|c| c.kind != ContainerKind::Init)
    };
    if let Some(waiting) = app().find(|c| c.state != StateKind::Running) {
        return Narration::Waiting {
            container: waiting.name.clone(),
            reason: if waiting.reason.is_empty() {
                "ContainerCreating".to_string()
            } else {
                waiting.reason.clone()
            },
        };
    }
    Narration::Running {
        count: app().count(),
    }
}

/// The pod's traffic in words: a volume one writes and another reads, or a
/// connection over localhost.
fn traffic(scene: &PodScene) -> Option<Narration> {
    for write in &scene.packets {
        let PacketKind::Write { volume } = &write.kind else {
            continue;
        };
        let reader = scene.packets.iter().find(|p| {
            p.container != write.container
                && matches!(&p.kind, PacketKind::Read { volume: v } if v == volume)
        });
        if let Some(reader) = reader {
            return Some(Narration::Sharing {
                writer: write.container.clone(),
                reader: reader.container.clone(),
                volume: volume.clone(),
            });
        }
    }
    scene
        .packets
        .iter()
        .find_map(|p| match p.kind {
            PacketKind::Connect { port } => Some(Narration::Localhost {
                client: p.container.clone(),
                port,
            }),
            _ => None,
        })
        .or_else(|| {
            scene.packets.iter().find_map(|p| match &p.kind {
                PacketKind::Inbound { port } => Some(Narration::Inbound { port: *port }),
                PacketKind::Outbound { to } => Some(Narration::Outbound {
                    client: p.container.clone(),
                    to: to.clone(),
                }),
                _ => None,
            })
        })
}

/// The exit code of the container's last run, from its lastState.
fn last_exit_code(record: &PodRecord, name: &str) -> Option<i32> {
    let status = &record.status;
    status
        .container_statuses
        .iter()
        .chain(&status.init_container_statuses)
        .find(|s| s.name == name)
        .and_then(|s| match &s.last_state {
            Some(crate::sim::ContainerState::Terminated { exit_code, .. }) => Some(*exit_code),
            _ => None,
        })
}

impl Narration {
    /// The narration in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Narration::NoPod, En) => "No pod yet: write a Pod in the editor, or pick an example.".into(),
            (Narration::NoPod, Zh) => "还没有 Pod：在编辑器里写一个 Pod，或选一个示例。".into(),
            (Narration::Scheduling, En) => "The scheduler binds the pod to node-1.".into(),
            (Narration::Scheduling, Zh) => "调度器把 Pod 绑定到 node-1。".into(),
            (Narration::CreatingSandbox, En) => "The kubelet creates the pause container first: it holds the pod's network, IPC and UTS namespaces.".into(),
            (Narration::CreatingSandbox, Zh) => "kubelet 先创建 pause 容器：它持有 Pod 共享的网络、IPC 和 UTS 命名空间。".into(),
            (Narration::Pulling { container, image }, En) => format!("Pulling image \"{image}\" for {container}."),
            (Narration::Pulling { container, image }, Zh) => format!("正在为 {container} 拉取镜像 \"{image}\"。"),
            (Narration::Creating { container }, En) => format!("The runtime creates container {container}."),
            (Narration::Creating { container }, Zh) => format!("容器运行时正在创建容器 {container}。"),
            (Narration::Terminating, En) => "The pod is being deleted: preStop, then SIGTERM, SIGKILL at the grace period; pause goes last.".into(),
            (Narration::Terminating, Zh) => "Pod 正在删除：先 preStop，再 SIGTERM，宽限期满则 SIGKILL；pause 最后停止。".into(),
            (Narration::Evicted, En) => "The kubelet evicted the pod: a volume went over its sizeLimit.".into(),
            (Narration::Evicted, Zh) => "kubelet 驱逐了这个 Pod：有卷超过了 sizeLimit。".into(),
            (Narration::BackOff { container, exit_code, seconds }, En) => format!(
                "{container} exited{}; the kubelet waits {seconds}s before restarting it (CrashLoopBackOff: 10s, doubling up to 5 min).",
                exit_code.map(|c| format!(" with code {c}")).unwrap_or_default()
            ),
            (Narration::BackOff { container, exit_code, seconds }, Zh) => format!(
                "{container} 已退出{}；kubelet 等 {seconds} 秒后再重启它（CrashLoopBackOff：从 10 秒起翻倍，最多 5 分钟）。",
                exit_code.map(|c| format!("（退出码 {c}）")).unwrap_or_default()
            ),
            (Narration::ImagePullFailed { container, image }, En) => format!("{container} cannot start: image \"{image}\" could not be pulled; the kubelet retries with back-off."),
            (Narration::ImagePullFailed { container, image }, Zh) => format!("{container} 无法启动：拉取镜像 \"{image}\" 失败，kubelet 会退避重试。"),
            (Narration::InitRunning { container, position, total, last_log }, En) => format!(
                "Init container {container} ({position}/{total}) runs; the app containers wait until it exits 0.{}",
                last_log.as_ref().map(|l| format!(" Last output: “{l}”")).unwrap_or_default()
            ),
            (Narration::InitRunning { container, position, total, last_log }, Zh) => format!(
                "Init 容器 {container}（{position}/{total}）正在运行；它以 0 退出之前，应用容器不会启动。{}",
                last_log.as_ref().map(|l| format!("最近输出：“{l}”")).unwrap_or_default()
            ),
            (Narration::InitWaitsForService { container, service }, En) => format!("{container} waits: `nslookup {service}` fails, no Service of that name exists yet. Create it (kubectl apply -f {service}.yaml) and the init container finishes."),
            (Narration::InitWaitsForService { container, service }, Zh) => format!("{container} 在等待：`nslookup {service}` 失败，还没有叫这个名字的 Service。创建它（kubectl apply -f {service}.yaml）后，这个 init 容器就会完成。"),
            (Narration::PortClash { container, port, holder }, En) => format!(
                "{container} cannot listen on port {port}: {} holds it, and all containers share one network namespace.",
                holder.as_deref().unwrap_or("another process")
            ),
            (Narration::PortClash { container, port, holder }, Zh) => format!(
                "{container} 无法监听端口 {port}：{} 已占用它，所有容器共享同一个网络命名空间。",
                holder.as_deref().unwrap_or("另一个进程")
            ),
            (Narration::Sharing { writer, reader, volume }, En) => format!("{writer} writes into volume {volume}; {reader} reads the same files from it."),
            (Narration::Sharing { writer, reader, volume }, Zh) => format!("{writer} 向卷 {volume} 写入；{reader} 从同一个卷读取这些文件。"),
            (Narration::Localhost { client, port }, En) => format!("{client} connects to port {port} of the pod: localhost is shared by every container."),
            (Narration::Localhost { client, port }, Zh) => format!("{client} 连接 Pod 的 {port} 端口：所有容器共享 localhost。"),
            (Narration::Outbound { client, to }, En) => format!("{client} connects to {to}, outside the pod, through the pod's eth0."),
            (Narration::Outbound { client, to }, Zh) => format!("{client} 通过 Pod 的 eth0 连接 Pod 之外的 {to}。"),
            (Narration::Inbound { port }, En) => format!("A connection from outside the pod reaches port {port} through eth0: every container is reachable at the pod's one IP."),
            (Narration::Inbound { port }, Zh) => format!("来自 Pod 之外的连接经 eth0 到达端口 {port}：所有容器共用 Pod 的同一个 IP。"),
            (Narration::Running { count }, En) => format!("All {count} container(s) are running."),
            (Narration::Running { count }, Zh) => format!("全部 {count} 个容器都在运行。"),
            (Narration::Waiting { container, reason }, En) => format!("{container} is waiting: {reason}."),
            (Narration::Waiting { container, reason }, Zh) => format!("{container} 正在等待：{reason}。"),
            (Narration::Succeeded, En) => "Every container exited 0: the pod Succeeded.".into(),
            (Narration::Succeeded, Zh) => "所有容器都以 0 退出：Pod 已成功（Succeeded）。".into(),
            (Narration::Failed, En) => "The pod Failed: a container failed and its restartPolicy does not restart it.".into(),
            (Narration::Failed, Zh) => "Pod 失败（Failed）：有容器失败，且 restartPolicy 不会重启它。".into(),
        }
    }
}
