//! The Go type a field has in the API's structs, by its JSON name, for
//! `json: cannot unmarshal … of type int32` messages. Tables only.

/// The Go integer type of a field, by its JSON name.
pub(super) fn go_integer_type(field: &str) -> &'static str {
    match field {
        "terminationGracePeriodSeconds"
        | "activeDeadlineSeconds"
        | "runAsUser"
        | "runAsGroup"
        | "fsGroup"
        | "expirationSeconds"
        | "tolerationSeconds"
        | "supplementalGroups" => "int64",
        _ => "int32",
    }
}

/// The Go type of a list field, by its parent struct and JSON name.
pub(super) fn go_list_type(parent: &str, field: &str) -> &'static str {
    match (parent, field) {
        (_, "command" | "args" | "add" | "drop") => "[]string",
        (_, "containers" | "initContainers") => "[]v1.Container",
        (_, "volumes") => "[]v1.Volume",
        (_, "volumeMounts") => "[]v1.VolumeMount",
        ("ServiceSpec", "ports") => "[]v1.ServicePort",
        (_, "ports") => "[]v1.ContainerPort",
        (_, "env") => "[]v1.EnvVar",
        (_, "envFrom") => "[]v1.EnvFromSource",
        ("DownwardAPIProjection", "items") => "[]v1.DownwardAPIVolumeFile",
        (_, "items") => "[]v1.KeyToPath",
        (_, "tolerations") => "[]v1.Toleration",
        (_, "imagePullSecrets") => "[]v1.LocalObjectReference",
        (_, "sources") => "[]v1.VolumeProjection",
        (_, "httpHeaders") => "[]v1.HTTPHeader",
        (_, "supplementalGroups") => "[]int64",
        _ => "[]interface {}",
    }
}

/// The Go type of a map field, by its JSON name.
pub(super) fn go_map_type(field: &str) -> &'static str {
    match field {
        "limits" | "requests" => "v1.ResourceList",
        _ => "map[string]string",
    }
}
