//! Example manifests bundled with the playground: the catalog behind the
//! Examples menu and `?example=ID`, each with the files its console starts
//! with and a one-line description in Chinese and English.

/// Seed 000's producer/consumer pod `my-podzz`: two centos containers sharing
/// one emptyDir, the editor's content on first visit.
pub const MY_PODZZ: &str = include_str!("../../examples/my-podzz.yaml");

/// An example the playground offers.
#[derive(Debug)]
pub struct Example {
    /// Its id in `?example=ID` (kebab-case, e.g. `my-podzz`).
    pub id: &'static str,
    /// The manifest the editor gets.
    pub yaml: &'static str,
    /// Files put in the console's working directory, for `kubectl apply -f
    /// NAME` (e.g. myservice.yaml and mydb.yaml for myapp-pod).
    pub files: &'static [(&'static str, &'static str)],
    /// One line in Chinese.
    pub zh: &'static str,
    /// One line in English.
    pub en: &'static str,
}

/// Every example, in the menu's order; the first is the default.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "my-podzz",
        yaml: MY_PODZZ,
        files: &[],
        zh: "生产者每秒向 emptyDir 写一行，消费者用 tail -f 读出",
        en: "A producer appends a line to an emptyDir every second; the consumer tail -f's it",
    },
    Example {
        id: "my-podz",
        yaml: include_str!("../../examples/my-podz.yaml"),
        files: &[],
        zh: "nginx 与 java 两个容器共享同一个网络：ip a 显示相同的 IP 和 MAC",
        en: "An nginx and a java container share one network: ip a shows the same IP and MAC",
    },
    Example {
        id: "myapp-pod",
        yaml: include_str!("../../examples/myapp-pod.yaml"),
        files: &[
            ("myservice.yaml", include_str!("../../examples/myservice.yaml")),
            ("mydb.yaml", include_str!("../../examples/mydb.yaml")),
        ],
        zh: "两个 init 容器等待 Service myservice 和 mydb；在终端里 kubectl apply -f myservice.yaml 和 mydb.yaml 后 Pod 才会运行",
        en: "Two init containers wait for Services myservice and mydb; kubectl apply -f myservice.yaml and mydb.yaml in the terminal to let the pod run",
    },
    Example {
        id: "pod-test1",
        yaml: include_str!("../../examples/pod-test1.yaml"),
        files: &[],
        zh: "命令 echo SUCCESS 立即退出，restartPolicy Always 让它不断重启，最终 CrashLoopBackOff",
        en: "The command echo SUCCESS exits at once; restartPolicy Always restarts it until CrashLoopBackOff",
    },
    Example {
        id: "static-web",
        yaml: include_str!("../../examples/static-web.yaml"),
        files: &[],
        zh: "静态 Pod：放进节点的 /etc/kubernetes/manifests，由 kubelet 直接创建，API 中只有删不掉的镜像 Pod",
        en: "A static pod: put it in the node's /etc/kubernetes/manifests and the kubelet runs it; the API shows a mirror pod you cannot delete",
    },
    Example {
        id: "emptydir-redis",
        yaml: include_str!("../../examples/emptydir-redis.yaml"),
        files: &[],
        zh: "redis 把数据存在 emptyDir 中：容器重启后数据还在，Pod 删除后才消失",
        en: "redis keeps its data in an emptyDir: it survives a container restart and goes with the pod",
    },
    Example {
        id: "hostpath-demo",
        yaml: include_str!("../../examples/hostpath-demo.yaml"),
        files: &[],
        zh: "nginx 的网页目录是节点上的 hostPath 目录 /mnt/data，Pod 删除后文件仍留在节点上",
        en: "nginx serves the node's hostPath directory /mnt/data, whose files outlive the pod",
    },
    Example {
        id: "nfs-demo",
        yaml: include_str!("../../examples/nfs-demo.yaml"),
        files: &[],
        zh: "nginx 的网页目录挂载自 NFS 服务器 10.254.100.101 的 /mnt/data（这里假定该服务器存在）",
        en: "nginx serves /mnt/data mounted from the NFS server 10.254.100.101 (taken to exist here)",
    },
    Example {
        id: "reference-pod",
        yaml: include_str!("../../examples/reference-pod.yaml"),
        files: &[],
        zh: "带中文注释的完整 Pod YAML 参考：常用字段都有，并且可以直接运行",
        en: "The fully annotated Pod YAML reference (comments in Chinese): every common field, and it runs",
    },
    Example {
        id: "port-clash",
        yaml: include_str!("../../examples/port-clash.yaml"),
        files: &[],
        zh: "同一个 Pod 里两个 nginx 都要监听 80 端口：第二个绑定失败退出，不断重启",
        en: "Two nginx containers in one pod both want port 80: the second fails to bind, exits and keeps restarting",
    },
    Example {
        id: "image-typo",
        yaml: include_str!("../../examples/image-typo.yaml"),
        files: &[],
        zh: "镜像名写错成 ngnix：拉取失败，状态为 ErrImagePull 和 ImagePullBackOff",
        en: "The image is misspelled ngnix: the pull fails with ErrImagePull, then ImagePullBackOff",
    },
    Example {
        id: "native-sidecar",
        yaml: include_str!("../../examples/native-sidecar.yaml"),
        files: &[],
        zh: "restartPolicy: Always 的 init 容器是边车：它用 tail -f 读出应用写入 emptyDir 的日志",
        en: "An init container with restartPolicy: Always is a sidecar: it tail -f's the log the app writes to an emptyDir",
    },
    Example {
        id: "share-process-namespace",
        yaml: include_str!("../../examples/share-process-namespace.yaml"),
        files: &[],
        zh: "shareProcessNamespace: true 让容器共享进程空间：在 shell 容器里 ps 能看到 PID 1 的 /pause 和 nginx",
        en: "shareProcessNamespace: true gives the containers one process namespace: ps in the shell container shows /pause as PID 1 and nginx",
    },
];

/// The example whose id is `id`.
pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|example| example.id == id)
}

/// The files example `id` puts beside the editor's (none for an unknown id).
pub fn files_of(id: &str) -> Vec<(String, String)> {
    example(id)
        .map(|e| {
            e.files
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
