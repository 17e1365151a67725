//! The part of the v1 OpenAPI schema `kubectl explain` reads for pods:
//! Pod, ObjectMeta, PodSpec, Container, Volume and PodStatus, each field
//! with the type `explain` shows, whether it is required, its enum values
//! and the first sentence(s) of its upstream description
//! (`staging/src/k8s.io/api/core/v1/types.go`). Types not listed here have
//! no fields to descend into.

/// An object type: its description and fields, sorted by name.
pub struct Schema {
    /// The type's own description.
    pub description: &'static str,
    /// The fields, in `explain`'s (sorted) order.
    pub fields: &'static [Field],
}

/// One field of an object type.
pub struct Field {
    /// The JSON name.
    pub name: &'static str,
    /// The type as `explain` prints it (`string`, `[]Container`, `map[string]string`).
    pub type_name: &'static str,
    /// Whether the API requires it.
    pub required: bool,
    /// The values an enum field takes.
    pub enum_values: &'static [&'static str],
    /// The field's description.
    pub description: &'static str,
    /// The schema of the object (or list item) it holds, when known.
    pub schema: Option<&'static Schema>,
}

const fn field(name: &'static str, type_name: &'static str, description: &'static str) -> Field {
    Field {
        name,
        type_name,
        required: false,
        enum_values: &[],
        description,
        schema: None,
    }
}

impl Field {
    const fn required(mut self) -> Field {
        self.required = true;
        self
    }

    const fn enumerated(mut self, values: &'static [&'static str]) -> Field {
        self.enum_values = values;
        self
    }

    const fn of(mut self, schema: &'static Schema) -> Field {
        self.schema = Some(schema);
        self
    }
}

/// `Pod`.
pub static POD: Schema = Schema {
    description: "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
    fields: &[
        field("apiVersion", "string", concat!("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ", "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md", "#resources")),
        field("kind", "string", concat!("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ", "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md", "#types-kinds")),
        field("metadata", "ObjectMeta", concat!("Standard object's metadata. More info: ", "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md", "#metadata")).of(&OBJECT_META),
        field("spec", "PodSpec", concat!("Specification of the desired behavior of the pod. More info: ", "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md", "#spec-and-status")).of(&POD_SPEC),
        field("status", "PodStatus", concat!("Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: ", "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md", "#spec-and-status")).of(&POD_STATUS),
    ],
};

static OBJECT_META: Schema = Schema {
    description: "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
    fields: &[
        field("annotations", "map[string]string", "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations"),
        field("creationTimestamp", "string", "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value."),
        field("deletionGracePeriodSeconds", "integer", "Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only."),
        field("deletionTimestamp", "string", "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client."),
        field("finalizers", "[]string", "Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list."),
        field("generateName", "string", "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided."),
        field("generation", "integer", "A sequence number representing a specific generation of the desired state. Populated by the system. Read-only."),
        field("labels", "map[string]string", "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels"),
        field("managedFields", "[]ManagedFieldsEntry", "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn't need to set or understand this field."),
        field("name", "string", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"),
        field("namespace", "string", "Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the \"default\" namespace, but \"default\" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty."),
        field("ownerReferences", "[]OwnerReference", "List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected."),
        field("resourceVersion", "string", "An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources."),
        field("selfLink", "string", "Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
        field("uid", "string", "UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations."),
    ],
};

static POD_SPEC: Schema = Schema {
    description: "PodSpec is a description of a pod.",
    fields: &[
        field("activeDeadlineSeconds", "integer", "Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer."),
        field("affinity", "Affinity", "If specified, the pod's scheduling constraints"),
        field("automountServiceAccountToken", "boolean", "AutomountServiceAccountToken indicates whether a service account token should be automatically mounted."),
        field("containers", "[]Container", "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.").required().of(&CONTAINER),
        field("dnsConfig", "PodDNSConfig", "Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy."),
        field("dnsPolicy", "string", "Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'.").enumerated(&["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]),
        field("enableServiceLinks", "boolean", "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true."),
        field("ephemeralContainers", "[]EphemeralContainer", "List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec."),
        field("hostAliases", "[]HostAlias", "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified."),
        field("hostIPC", "boolean", "Use the host's ipc namespace. Optional: Default to false."),
        field("hostNetwork", "boolean", "Host networking requested for this pod. Use the host's network namespace. When using HostNetwork you should specify ports so the scheduler is aware. Default to false."),
        field("hostPID", "boolean", "Use the host's pid namespace. Optional: Default to false."),
        field("hostUsers", "boolean", "Use the host's user namespace. Optional: Default to true."),
        field("hostname", "string", "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value."),
        field("imagePullSecrets", "[]LocalObjectReference", "ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec."),
        field("initContainers", "[]Container", "List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy.").of(&CONTAINER),
        field("nodeName", "string", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName."),
        field("nodeSelector", "map[string]string", "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
        field("os", "PodOS", "Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set."),
        field("overhead", "map[string]Quantity", "Overhead represents the resource overhead associated with running a pod for a given RuntimeClass."),
        field("preemptionPolicy", "string", "PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.").enumerated(&["Never", "PreemptLowerPriority"]),
        field("priority", "integer", "The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority."),
        field("priorityClassName", "string", "If specified, indicates the pod's priority. \"system-node-critical\" and \"system-cluster-critical\" are two special keywords which indicate the highest priorities with the former being the highest priority."),
        field("readinessGates", "[]PodReadinessGate", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\""),
        field("resourceClaims", "[]PodResourceClaim", "ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name."),
        field("resources", "ResourceRequirements", "Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for \"cpu\", \"memory\" and \"hugepages-\" resource names only."),
        field("restartPolicy", "string", "Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy").enumerated(&["Always", "Never", "OnFailure"]),
        field("runtimeClassName", "string", "RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod. If no RuntimeClass resource matches the named class, the pod will not be run."),
        field("schedulerName", "string", "If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler."),
        field("schedulingGates", "[]PodSchedulingGate", "SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod."),
        field("securityContext", "PodSecurityContext", "SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field."),
        field("serviceAccount", "string", "DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead."),
        field("serviceAccountName", "string", "ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"),
        field("setHostnameAsFQDN", "boolean", "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default)."),
        field("shareProcessNamespace", "boolean", "Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false."),
        field("subdomain", "string", "If specified, the fully qualified Pod hostname will be \"<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>\". If not specified, the pod will not have a domainname at all."),
        field("terminationGracePeriodSeconds", "integer", "Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. Defaults to 30 seconds."),
        field("tolerations", "[]Toleration", "If specified, the pod's tolerations."),
        field("topologySpreadConstraints", "[]TopologySpreadConstraint", "TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed."),
        field("volumes", "[]Volume", "List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes").of(&VOLUME),
    ],
};

static CONTAINER: Schema = Schema {
    description: "A single application container that you want to run within a pod.",
    fields: &[
        field("args", "[]string", "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell"),
        field("command", "[]string", "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell"),
        field("env", "[]EnvVar", "List of environment variables to set in the container. Cannot be updated."),
        field("envFrom", "[]EnvFromSource", "List of sources to populate environment variables in the container. The keys defined within a source may consist of any printable ASCII characters except '='. Cannot be updated."),
        field("image", "string", "Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."),
        field("imagePullPolicy", "string", "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images").enumerated(&["Always", "IfNotPresent", "Never"]),
        field("lifecycle", "Lifecycle", "Actions that the management system should take in response to container lifecycle events. Cannot be updated."),
        field("livenessProbe", "Probe", "Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
        field("name", "string", "Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.").required(),
        field("ports", "[]ContainerPort", "List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default \"0.0.0.0\" address inside a container will be accessible from the network. Cannot be updated."),
        field("readinessProbe", "Probe", "Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
        field("resizePolicy", "[]ContainerResizePolicy", "Resources resize policy for the container."),
        field("resources", "ResourceRequirements", "Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
        field("restartPolicy", "string", "RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is \"Always\"."),
        field("securityContext", "SecurityContext", "SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"),
        field("startupProbe", "Probe", "StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed."),
        field("stdin", "boolean", "Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false."),
        field("stdinOnce", "boolean", "Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions."),
        field("terminationMessagePath", "string", "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Defaults to /dev/termination-log. Cannot be updated."),
        field("terminationMessagePolicy", "string", "Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. Defaults to File. Cannot be updated.").enumerated(&["FallbackToLogsOnError", "File"]),
        field("tty", "boolean", "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."),
        field("volumeDevices", "[]VolumeDevice", "volumeDevices is the list of block devices to be used by the container."),
        field("volumeMounts", "[]VolumeMount", "Pod volumes to mount into the container's filesystem. Cannot be updated."),
        field("workingDir", "string", "Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."),
    ],
};

static VOLUME: Schema = Schema {
    description: "Volume represents a named volume in a pod that may be accessed by any container in the pod.",
    fields: &[
        field("awsElasticBlockStore", "AWSElasticBlockStoreVolumeSource", "awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated."),
        field("azureDisk", "AzureDiskVolumeSource", "azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated."),
        field("azureFile", "AzureFileVolumeSource", "azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated."),
        field("cephfs", "CephFSVolumeSource", "cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported."),
        field("cinder", "CinderVolumeSource", "cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated."),
        field("configMap", "ConfigMapVolumeSource", "configMap represents a configMap that should populate this volume"),
        field("csi", "CSIVolumeSource", "csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers."),
        field("downwardAPI", "DownwardAPIVolumeSource", "downwardAPI represents downward API about the pod that should populate this volume"),
        field("emptyDir", "EmptyDirVolumeSource", "emptyDir represents a temporary directory that shares a pod's lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir"),
        field("ephemeral", "EphemeralVolumeSource", "ephemeral represents a volume that is handled by a cluster storage driver. The volume's lifecycle is tied to the pod that defines it - it will be created before the pod starts, and deleted when the pod is removed."),
        field("fc", "FCVolumeSource", "fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod."),
        field("flexVolume", "FlexVolumeSource", "flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated."),
        field("flocker", "FlockerVolumeSource", "flocker represents a Flocker volume attached to a kubelet's host machine. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported."),
        field("gcePersistentDisk", "GCEPersistentDiskVolumeSource", "gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: GCEPersistentDisk is deprecated."),
        field("gitRepo", "GitRepoVolumeSource", "gitRepo represents a git repository at a particular revision. Deprecated: GitRepo is deprecated."),
        field("glusterfs", "GlusterfsVolumeSource", "glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported."),
        field("hostPath", "HostPathVolumeSource", "hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container. This is generally used for system agents or other privileged things that are allowed to see the host machine. Most containers will NOT need this. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath"),
        field("image", "ImageVolumeSource", "image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine."),
        field("iscsi", "ISCSIVolumeSource", "iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes/#iscsi"),
        field("name", "string", "name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names").required(),
        field("nfs", "NFSVolumeSource", "nfs represents an NFS mount on the host that shares a pod's lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
        field("persistentVolumeClaim", "PersistentVolumeClaimVolumeSource", "persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
        field("photonPersistentDisk", "PhotonPersistentDiskVolumeSource", "photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported."),
        field("portworxVolume", "PortworxVolumeSource", "portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated."),
        field("projected", "ProjectedVolumeSource", "projected items for all in one resources secrets, configmaps, and downward API"),
        field("quobyte", "QuobyteVolumeSource", "quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported."),
        field("rbd", "RBDVolumeSource", "rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported."),
        field("scaleIO", "ScaleIOVolumeSource", "scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported."),
        field("secret", "SecretVolumeSource", "secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret"),
        field("storageos", "StorageOSVolumeSource", "storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported."),
        field("vsphereVolume", "VsphereVirtualDiskVolumeSource", "vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated."),
    ],
};

static POD_STATUS: Schema = Schema {
    description: "PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.",
    fields: &[
        field("conditions", "[]PodCondition", "Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions"),
        field("containerStatuses", "[]ContainerStatus", "Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status"),
        field("ephemeralContainerStatuses", "[]ContainerStatus", "Statuses for any ephemeral containers that have run in this pod."),
        field("hostIP", "string", "hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet."),
        field("hostIPs", "[]HostIP", "hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field."),
        field("initContainerStatuses", "[]ContainerStatus", "Statuses of init containers in this pod. The most recent successful non-restartable init container will have ready = true, the most recently started container will have startTime set."),
        field("message", "string", "A human readable message indicating details about why the pod is in this condition."),
        field("nominatedNodeName", "string", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods."),
        field("observedGeneration", "integer", "If set, this represents the .metadata.generation that the pod status was set based upon."),
        field("phase", "string", "The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.").enumerated(&["Failed", "Pending", "Running", "Succeeded", "Unknown"]),
        field("podIP", "string", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
        field("podIPs", "[]PodIP", "podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field."),
        field("qosClass", "string", "The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes").enumerated(&["BestEffort", "Burstable", "Guaranteed"]),
        field("reason", "string", "A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"),
        field("resize", "string", "Status of resources resize desired for pod's containers. Deprecated: Resize status is moved to two pod conditions PodResizePending and PodResizeInProgress."),
        field("resourceClaimStatuses", "[]PodResourceClaimStatus", "Status of resource claims."),
        field("startTime", "string", "RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod."),
    ],
};
