//! A small grammar of console lines: kubectl verbs, resources, names and
//! flags as a learner types them, the node's own commands, and lines typed
//! inside an exec'd shell or at redis-cli's prompt. `arbitrary` picks each
//! part from the fuzzer's bytes; a `Raw` word lets mutation reach anything.

use arbitrary::Arbitrary;
use podplay::examples::{Example, EXAMPLES};

/// A session: the example applied first, then the lines typed.
#[derive(Debug, Arbitrary)]
pub struct Session {
    /// Which example's manifest is applied at the start (`None`: nothing).
    pub example: Option<u8>,
    /// The lines typed, in order.
    pub lines: Vec<Line>,
}

impl Session {
    /// The example applied before the typed lines, if any.
    pub fn example(&self) -> Option<&'static Example> {
        self.example
            .map(|index| &EXAMPLES[usize::from(index) % EXAMPLES.len()])
    }

    /// The typed lines with their here-documents.
    pub fn lines(&self) -> Vec<(String, Option<String>)> {
        self.lines.iter().take(12).map(Line::render).collect()
    }
}

/// One line typed at the console.
#[derive(Debug, Arbitrary)]
pub enum Line {
    /// `kubectl VERB RESOURCE NAMES FLAGS [-- COMMAND]`.
    Kubectl {
        /// The subcommand.
        verb: Verb,
        /// The resource type, if any.
        resource: Option<Resource>,
        /// Object names.
        names: Vec<Name>,
        /// Flags.
        flags: Vec<Flag>,
        /// What follows `--` (exec, run).
        command: Option<Vec<Word>>,
    },
    /// `sleep N` (tenths of a second, at most 1 s).
    Sleep(u8),
    /// A node command: `docker ps`, `crictl pods`, `cat FILE`, …
    Node(NodeCommand, Vec<Word>),
    /// A shell line: words and operators, for an exec'd shell or the node.
    Shell(Vec<ShellPiece>),
    /// `kubectl apply -f -` with a manifest built from words.
    ApplyPod {
        /// The pod's name.
        name: Name,
        /// Its image.
        image: Image,
        /// Its command (`sh -c WORDS`).
        script: Vec<ShellPiece>,
    },
    /// Ctrl-C (an empty line).
    Interrupt,
    /// A line as the fuzzer wrote it.
    Raw(String),
}

impl Line {
    /// The line and its here-document.
    pub fn render(&self) -> (String, Option<String>) {
        match self {
            Line::Kubectl {
                verb,
                resource,
                names,
                flags,
                command,
            } => {
                let mut words = vec!["kubectl".to_string(), verb.text().to_string()];
                words.extend(resource.iter().map(|r| r.text().to_string()));
                words.extend(names.iter().take(3).map(|name| name.text().to_string()));
                words.extend(flags.iter().take(4).map(Flag::text));
                if let Some(command) = command {
                    words.push("--".to_string());
                    words.extend(command.iter().take(5).map(Word::text));
                }
                (words.join(" "), None)
            }
            Line::Sleep(tenths) => (format!("sleep {}", f64::from(tenths % 11) / 10.0), None),
            Line::Node(command, words) => {
                let mut line = command.text().to_string();
                for word in words.iter().take(4) {
                    line.push(' ');
                    line.push_str(&word.text());
                }
                (line, None)
            }
            Line::Shell(pieces) => (shell_text(pieces), None),
            Line::ApplyPod {
                name,
                image,
                script,
            } => {
                let script = shell_text(script)
                    .replace('\\', "\\\\")
                    .replace('"', "\\\"");
                let yaml = format!(
                    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {}\nspec:\n  containers:\n  - name: c\n    image: {}\n    command: [\"sh\", \"-c\", \"{script}\"]\n",
                    name.text(),
                    image.text()
                );
                ("kubectl apply -f -".to_string(), Some(yaml))
            }
            Line::Interrupt => (String::new(), None),
            Line::Raw(text) => (text.chars().take(200).collect(), None),
        }
    }
}

fn shell_text(pieces: &[ShellPiece]) -> String {
    let mut text = String::new();
    for piece in pieces.iter().take(12) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&piece.text());
    }
    text
}

macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Arbitrary)]
        pub enum $name {
            $(
                #[doc = $text]
                $variant,
            )+
        }

        impl $name {
            /// The word as typed.
            pub fn text(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }
    };
}

words!(
    /// kubectl's subcommands, simulated or not.
    Verb {
        Get => "get", Describe => "describe", Logs => "logs", Exec => "exec",
        Delete => "delete", Run => "run", Apply => "apply", Create => "create",
        Label => "label", Annotate => "annotate", Explain => "explain",
        Version => "version", ClusterInfo => "cluster-info",
        ApiResources => "api-resources", Scale => "scale", Edit => "edit",
        Bogus => "gt",
    }
);

words!(
    /// Resource types, in the spellings kubectl accepts and some it does not.
    Resource {
        Pods => "pods", Pod => "pod", Po => "po", PodSlash => "pod/my-podzz",
        Services => "svc", Service => "service/myservice", ConfigMaps => "cm",
        Secrets => "secrets", Nodes => "nodes", Node => "node/node-1",
        Events => "events", Ev => "ev", All => "all", Namespaces => "ns",
        Field => "pod.spec.containers", FieldDeep => "pods.spec.containers.livenessProbe.exec",
        Deploy => "deployments", Comma => "pods,svc",
    }
);

words!(
    /// Object names: the examples' pods and containers, and odd ones.
    Name {
        MyPodzz => "my-podzz", MyPodz => "my-podz", MyApp => "myapp-pod",
        Test1 => "pod-test1", StaticWeb => "static-web-node-1", Redis => "redis",
        Web => "web", X => "x", Nginx => "nginx", Upper => "Bad_Name",
        Empty => "''", Long => "a-very-long-name-that-goes-on-and-on-past-sixty-three-characters-x",
        Dot => "a.b", Slash => "pod/x",
    }
);

words!(
    /// Images: the catalog's, a typo, a private registry's, a digest.
    Image {
        Busybox => "busybox", Alpine => "alpine", Nginx => "nginx",
        Redis => "redis", Centos => "centos", Debian => "debian:12",
        Ubuntu => "ubuntu", Tomcat => "tomcat", Python => "python:3",
        Typo => "ngnix", Private => "example.com/team/app:1.0",
        Digest => "busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000",
        Pause => "registry.k8s.io/pause:3.10",
    }
);

words!(
    /// Node commands the console knows, and some it does not.
    NodeCommand {
        DockerPs => "docker ps", DockerPsA => "docker ps -a", CrictlPs => "crictl ps",
        CrictlPods => "crictl pods", Cat => "cat", Echo => "echo", Ls => "ls",
        Grep => "grep", Curl => "curl", RedisCli => "redis-cli", Nslookup => "nslookup",
        Ps => "ps", Exit => "exit", Cd => "cd", Env => "env",
    }
);

/// A flag, with a value where it takes one.
#[derive(Debug, Arbitrary)]
pub enum Flag {
    /// `-o FORMAT`.
    Output(OutputFormat),
    /// A flag without a value.
    Bare(BareFlag),
    /// `-c NAME`.
    Container(Name),
    /// `-l SELECTOR`.
    Selector(Selector),
    /// `--image=IMAGE`.
    Image(Image),
    /// `-n NAMESPACE`.
    Namespace(Name),
    /// `-f FILE`.
    File(FileName),
    /// `--tail=N`.
    Tail(i8),
    /// `key=value` (label, annotate).
    KeyValue(Name, Name),
    /// `key-` (label removal).
    Remove(Name),
    /// A flag as the fuzzer wrote it.
    Raw(String),
}

impl Flag {
    /// The flag as typed.
    pub fn text(&self) -> String {
        match self {
            Flag::Output(format) => format!("-o {}", format.text()),
            Flag::Bare(flag) => flag.text().to_string(),
            Flag::Container(name) => format!("-c {}", name.text()),
            Flag::Selector(selector) => format!("-l {}", selector.text()),
            Flag::Image(image) => format!("--image={}", image.text()),
            Flag::Namespace(name) => format!("-n {}", name.text()),
            Flag::File(file) => format!("-f {}", file.text()),
            Flag::Tail(lines) => format!("--tail={lines}"),
            Flag::KeyValue(key, value) => format!("{}={}", key.text(), value.text()),
            Flag::Remove(key) => format!("{}-", key.text()),
            Flag::Raw(text) => text.chars().take(40).collect(),
        }
    }
}

words!(
    /// `-o` values.
    OutputFormat {
        Wide => "wide", Yaml => "yaml", Json => "json", Name => "name",
        JsonPath => "jsonpath={.items[*].metadata.name}",
        JsonPathBad => "jsonpath={.items[?(@.x==",
        JsonPathRange => "jsonpath='{range .items[*]}{.status.phase}{\"\\n\"}{end}'",
        Columns => "custom-columns=NAME:.metadata.name,IP:.status.podIP",
        ColumnsBad => "custom-columns=:",
        Unknown => "toml",
    }
);

words!(
    /// Flags without a value.
    BareFlag {
        It => "-it", I => "-i", T => "-t", Watch => "-w", Follow => "-f",
        Previous => "-p", Previous2 => "--previous", AllNs => "-A", ShowLabels => "--show-labels",
        Now => "--now", Force => "--force", Wait => "--wait=false", Grace => "--grace-period=0",
        Overwrite => "--overwrite", Restart => "--restart=Never", Rm => "--rm",
        DryRun => "--dry-run=client", Recursive => "--recursive", Port => "--port=8080",
        All => "--all", Timestamps => "--timestamps", NoHeaders => "--no-headers",
        Unknown => "--bogus", DoubleDash => "--", Dash => "-",
    }
);

words!(
    /// Label selectors.
    Selector {
        Eq => "app=web", Ne => "app!=web", In => "app in (web,db)", Exists => "app",
        Not => "!app", Bad => "app==", Empty => "''",
    }
);

words!(
    /// Files `-f` may name: the examples' files, the editor's, missing ones.
    FileName {
        Stdin => "-", MyService => "myservice.yaml", MyDb => "mydb.yaml",
        Pod => "pod.yaml", Missing => "missing.yaml", Dir => ".", Url => "https://example.com/pod.yaml",
    }
);

words!(
    /// Words of a command after `--`, or of a node command.
    WordText {
        Sh => "sh", Bash => "bash", C => "-c", Ls => "ls", Cat => "cat",
        EtcHosts => "/etc/hosts", Ps => "ps", PsEf => "ps -ef", Env => "env",
        Echo => "echo", Hello => "hello", Date => "date", Hostname => "hostname",
        RedisCli => "redis-cli", Ping => "ping", Set => "set", Get => "get",
        Wget => "wget -qO- localhost", Curl => "curl -s localhost:80", Sleep => "sleep 1",
        Exit => "exit", Kill => "kill 1", Top => "top -b -n 1", Df => "df -h", Mount => "mount",
        Nslookup => "nslookup myservice", Ip => "ip a", Netstat => "netstat -tlnp",
        Quote => "'a b'", DoubleQuote => "\"$HOSTNAME\"", Glob => "*",
    }
);

/// A word: from the list, or as the fuzzer wrote it.
#[derive(Debug, Arbitrary)]
pub enum Word {
    /// A word from the list.
    Known(WordText),
    /// A word as the fuzzer wrote it.
    Raw(String),
}

impl Word {
    /// The word as typed.
    pub fn text(&self) -> String {
        match self {
            Word::Known(word) => word.text().to_string(),
            Word::Raw(text) => text.chars().take(40).collect(),
        }
    }
}

words!(
    /// Shell operators and keywords.
    Operator {
        Semi => ";", And => "&&", Or => "||", Pipe => "|", Background => "&",
        Out => "> /tmp/f", Append => ">> /tmp/f", In => "< /tmp/f", Err => "2>&1",
        Open => "(", Close => ")", BraceOpen => "{", BraceClose => "; }",
        If => "if", Then => "then", Else => "else", Fi => "fi", While => "while",
        Do => "do", Done => "done", For => "for i in 1 2 3", Case => "case $x in a) echo a;; esac",
        Subst => "$(echo hi)", Backtick => "`hostname`", Arith => "$((1+2))",
        Var => "$x", Assign => "x=1", Trap => "trap 'echo bye' TERM", Heredoc => "<<EOF",
    }
);

/// A piece of a shell line.
#[derive(Debug, Arbitrary)]
pub enum ShellPiece {
    /// A word.
    Word(Word),
    /// An operator or keyword.
    Operator(Operator),
}

impl ShellPiece {
    /// The piece as typed.
    pub fn text(&self) -> String {
        match self {
            ShellPiece::Word(word) => word.text(),
            ShellPiece::Operator(operator) => operator.text().to_string(),
        }
    }
}
