//! The one-line narration under the diagram: what is happening to the pod now
//! and why, as a [`Narration`] with what it names, and its words in Chinese
//! and English. Which one is said is the scene's choice (`scene/narrate.rs`);
//! this module knows no scene, cluster or simulation.

use crate::i18n::Lang;

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
