//! Short explanations for learners, in Chinese and English, of what a
//! diagnostic means and how to fix it. kubectl's own words stay in
//! [`DiagnosticKind`]'s `Display`; these sit beside them in the editor.

use super::diagnostics::DiagnosticKind;
use super::field::FieldErrorKind;

/// One explanation in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Explanation {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

fn both(zh: impl Into<String>, en: impl Into<String>) -> Explanation {
    Explanation {
        zh: zh.into(),
        en: en.into(),
    }
}

/// What `kind` means for a learner, and how to fix it.
pub fn explain(kind: &DiagnosticKind) -> Explanation {
    match kind {
        DiagnosticKind::YamlSyntax { .. } => both(
            "这里不是合法的 YAML：检查缩进（只用空格）、冒号后的空格，以及括号和引号是否成对。",
            "This is not valid YAML: check the indentation (spaces only), the space after each colon, and that brackets and quotes are closed.",
        ),
        DiagnosticKind::FieldType { .. } => both(
            "字段的类型不对：例如该写列表（以 - 开头的行）的地方写成了一个值，或该写数字的地方写了文字。",
            "A field has the wrong type: for example a single value where a list (lines starting with -) belongs, or text where a number belongs.",
        ),
        DiagnosticKind::NotAnObject => both(
            "每个文档都应该是一组字段：apiVersion、kind、metadata、spec。",
            "Each document should be a set of fields: apiVersion, kind, metadata, spec.",
        ),
        DiagnosticKind::KindOrVersionNotSet { .. } => both(
            "每个对象都要写 apiVersion 和 kind，例如 apiVersion: v1 和 kind: Pod。",
            "Every object needs apiVersion and kind, e.g. apiVersion: v1 and kind: Pod.",
        ),
        DiagnosticKind::UnknownKind { .. } => both(
            "这个实验场的 API 服务器只认识 v1 版本的 Pod、Service、ConfigMap 和 Secret；检查 kind 的拼写和大小写。",
            "This playground's API server serves v1 Pod, Service, ConfigMap and Secret; check the spelling and capitals of kind.",
        ),
        DiagnosticKind::TooLarge { .. } => both(
            "内容太大：API 服务器一次最多接收 3 MiB。",
            "Too large: the API server accepts at most 3 MiB in one request.",
        ),
        DiagnosticKind::UnknownField { path } => {
            let field = last_segment(path);
            both(
                format!("Kubernetes 没有字段 “{field}”，多半是拼写错误（字段名区分大小写）。因为这一处，整个对象都会被拒绝。"),
                format!("Kubernetes has no field \"{field}\" here; it is most likely a typo (field names are case-sensitive). The whole object is refused because of it."),
            )
        }
        DiagnosticKind::DuplicateKey { path } => {
            let field = last_segment(path);
            both(
                format!("“{field}” 在同一层写了两次。kubectl 不会报错，而是悄悄只保留最后一个值。"),
                format!("\"{field}\" is given twice at the same level. kubectl does not complain: it silently keeps only the last value."),
            )
        }
        DiagnosticKind::Invalid { error, .. } => explain_field_error(&error.path, &error.kind),
        DiagnosticKind::VolumeNeedsInfrastructure { source: "nfs", .. } => both(
            "NFS 卷要挂载集群外的一台 NFS 服务器。这个实验场里没有这台服务器，所以会像教程里那样挂载失败（FailedMount），Pod 停在 ContainerCreating。",
            "An NFS volume mounts a server outside the cluster. This playground has no such server, so the mount fails as in the tutorial (FailedMount) and the pod stays in ContainerCreating.",
        ),
        DiagnosticKind::VolumeNeedsInfrastructure { .. } => both(
            "persistentVolumeClaim 卷需要先创建一个 PVC 并由存储系统绑定到 PV；这个实验场没有存储系统，Pod 会一直等待（Pending）。",
            "A persistentVolumeClaim volume needs a PVC bound to a PersistentVolume by a storage system; this playground has none, so the pod waits (Pending).",
        ),
        DiagnosticKind::ServerWarning { .. } => both(
            "两个容器声明了同一个端口。Pod 里的容器共享一个网络命名空间，运行时第二个进程会绑定失败（Address already in use）。",
            "Two containers declare the same port. Containers in a pod share one network namespace, so at run time the second process fails to bind (Address already in use).",
        ),
    }
}

fn explain_field_error(path: &str, kind: &FieldErrorKind) -> Explanation {
    let field = last_segment(path);
    match (field, kind) {
        ("containers", FieldErrorKind::Required { .. }) => both(
            "Pod 至少需要一个容器（spec.containers 下至少一项）。",
            "A Pod needs at least one container (one item under spec.containers).",
        ),
        ("image", FieldErrorKind::Required { .. }) => both(
            "每个容器都要指定镜像，例如 image: busybox:1.36。",
            "Every container needs an image, e.g. image: busybox:1.36.",
        ),
        ("name", FieldErrorKind::Required { .. }) if path == "metadata.name" => both(
            "对象需要一个名字：metadata.name。",
            "The object needs a name: metadata.name.",
        ),
        ("name", FieldErrorKind::Invalid { .. }) => both(
            "名字只能用小写字母、数字和 “-”，并以字母或数字开头和结尾（容器名和卷名最长 63 个字符，不能有点）。",
            "Names may use only lower-case letters, digits and '-', and must start and end with a letter or digit (container and volume names: at most 63 characters, no dots).",
        ),
        ("name", FieldErrorKind::Duplicate { .. }) => both(
            "这个名字已经用过了：同一个 Pod 里的容器名（包括 init 容器）、卷名和端口名都必须唯一。",
            "This name is already taken: container names (init containers included), volume names and port names must be unique in a pod.",
        ),
        ("name", FieldErrorKind::NotFound { .. }) => both(
            "挂载引用的卷不存在：先在 spec.volumes 里定义同名的卷（或者它本身有错误）。",
            "The mount refers to a volume that does not exist: define a volume with this name under spec.volumes (or fix the errors of that volume).",
        ),
        ("mountPath", FieldErrorKind::Invalid { .. }) => both(
            "同一个容器里的两个挂载不能使用同一个 mountPath。",
            "Two mounts of one container cannot use the same mountPath.",
        ),
        ("containerPort" | "hostPort" | "port" | "targetPort", _) => both(
            "端口号必须在 1 到 65535 之间。",
            "Port numbers must be between 1 and 65535.",
        ),
        (_, FieldErrorKind::Forbidden { detail }) if detail.contains("init containers") => both(
            "普通 init 容器会一直运行到结束，不能有探针或生命周期钩子。要让它和应用一起持续运行（边车容器），给它加上 restartPolicy: Always。",
            "A plain init container runs to completion, so it cannot have probes or lifecycle hooks. To keep it running beside the app (a sidecar), give it restartPolicy: Always.",
        ),
        (_, FieldErrorKind::Forbidden { detail }) if detail.contains("more than 1") => both(
            "这里只能选一种：一个卷只能有一种来源，一个探针或钩子只能有一种处理方式。",
            "Choose one: a volume has exactly one source, and a probe or hook exactly one handler.",
        ),
        (_, FieldErrorKind::NotSupported { supported, .. }) => {
            let list = supported.join(", ");
            both(
                format!("这个字段只能取这些值之一：{list}（区分大小写）。"),
                format!("This field accepts only one of: {list} (case-sensitive)."),
            )
        }
        (_, FieldErrorKind::Required { .. }) => both(
            format!("必须填写 “{field}”。"),
            format!("\"{field}\" is required."),
        ),
        (_, FieldErrorKind::Duplicate { .. }) => both(
            "这个值重复了，必须唯一。",
            "This value is repeated; it must be unique.",
        ),
        _ => both(
            "API 服务器不接受这个值；上面是 kubectl 给出的原因。",
            "The API server does not accept this value; kubectl's reason is shown above.",
        ),
    }
}

/// `image` for `spec.containers[0].image`, `containers` for `spec.containers`.
fn last_segment(path: &str) -> &str {
    let tail = path.rsplit('.').next().unwrap_or(path);
    tail.split('[').next().unwrap_or(tail)
}
