//! The prober's side in the kubelet: a probe's period coming round, its check
//! run against the runtime (exec in the container, HTTP and TCP from the
//! node), and each outcome counted into a verdict that wakes the worker.

use super::checks::{InFlight, Pending, ProbeTarget, PROBE_SOURCE};
use super::schedule::{KubeletEvent, PodKey};
use super::worker::{field_path, Reporter};
use super::Kubelet;
use crate::clock::SimTime;
use crate::runtime::RuntimeEvent;
use crate::sim::actions::{ProbeResult, RuntimeState};
use crate::sim::events::{EventType, History};
use crate::sim::prober::{self, Check, ProbeKind, Tally};
use crate::sim::reasons;

/// The prober.
impl Kubelet {
    /// A probe's period came round: check the container unless it is not
    /// yet due (initial delay, startup not passed) or no longer probed.
    pub(super) fn probe_tick(
        &mut self,
        key: &PodKey,
        name: &str,
        attempt: u32,
        kind: ProbeKind,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) {
        let Some(worker) = self.workers.get(key) else {
            return;
        };
        let Some(running) =
            worker.runtime.containers.iter().find(|c| {
                c.name == name && c.attempt == attempt && c.state == RuntimeState::Running
            })
        else {
            return;
        };
        let Some(container) = worker.pod.spec.container(name) else {
            return;
        };
        let Some((check, timing)) = kind.of(container).and_then(|p| prober::plan(container, p))
        else {
            return;
        };
        let probes = running.probes;
        let verdict = match kind {
            ProbeKind::Startup => probes.startup,
            ProbeKind::Liveness => probes.liveness,
            ProbeKind::Readiness => probes.readiness,
        };
        // A started container is not probed for startup again; a failed
        // liveness or startup probe waits for the restart.
        if kind == ProbeKind::Startup && verdict == ProbeResult::Success
            || kind != ProbeKind::Readiness && verdict == ProbeResult::Failure
        {
            return;
        }
        self.scheduled.push((
            now + timing.period,
            KubeletEvent::Probe {
                key: key.clone(),
                container: name.to_string(),
                attempt,
                kind,
            },
        ));
        let started_seconds = (now - running.started_at) / 1000 * 1000;
        let target = ProbeTarget {
            key: key.clone(),
            container: name.to_string(),
            attempt,
            kind,
        };
        let busy = self.probes_in_flight.values().any(|f| f.target == target);
        if kind != ProbeKind::Startup && probes.startup != ProbeResult::Success
            || started_seconds < timing.initial_delay
            || busy
        {
            return;
        }
        let ip = worker.pod_ip.clone().unwrap_or_default();
        let instance = worker.instances.get(&(name.to_string(), attempt)).copied();
        let pending = match check {
            Check::Exec(command) => {
                let Some(instance) = instance else {
                    return;
                };
                match self.runtime.exec(instance.process, command.clone(), now) {
                    Ok((process, log)) => Pending::Exec {
                        process,
                        log,
                        command: command.join(" "),
                    },
                    Err(error) => {
                        self.probe_result(&target, false, error.to_string(), now, reporter.history);
                        return;
                    }
                }
            }
            Check::Tcp { port } => {
                let outcome = match self.runtime.host_connect(PROBE_SOURCE, &ip, port) {
                    Ok(connection) => {
                        // Connected: the probe passes and hangs up at once.
                        self.runtime.host_send(connection, b"");
                        (true, String::new())
                    }
                    Err(_) => (
                        false,
                        format!("dial tcp {ip}:{port}: connect: connection refused"),
                    ),
                };
                self.probe_result(&target, outcome.0, outcome.1, now, reporter.history);
                return;
            }
            Check::Http { port, path } => {
                let url = format!("http://{ip}:{port}{path}");
                match self.runtime.host_connect(PROBE_SOURCE, &ip, port) {
                    Ok(connection) => {
                        let request = format!("GET {path} HTTP/1.1\r\nHost: {ip}:{port}\r\nUser-Agent: kube-probe/1.36\r\nAccept: */*\r\nConnection: close\r\n\r\n");
                        self.runtime.host_send(connection, request.as_bytes());
                        Pending::Http {
                            connection,
                            url,
                            received: Vec::new(),
                        }
                    }
                    Err(_) => {
                        let message = format!(
                            "Get \"{url}\": dial tcp {ip}:{port}: connect: connection refused"
                        );
                        self.probe_result(&target, false, message, now, reporter.history);
                        return;
                    }
                }
            }
        };
        let serial = self.next_probe_serial;
        self.next_probe_serial += 1;
        self.probes_in_flight.insert(
            serial,
            InFlight {
                target,
                check: pending,
            },
        );
        self.scheduled
            .push((now + timing.timeout, KubeletEvent::ProbeDeadline { serial }));
    }

    /// Finishes the checks whose command exited or whose server answered.
    pub(super) fn poll_probes(
        &mut self,
        events: &[RuntimeEvent],
        now: SimTime,
        history: &mut History,
    ) {
        let mut finished = Vec::new();
        for (serial, in_flight) in &mut self.probes_in_flight {
            match &mut in_flight.check {
                Pending::Exec { process, log, .. } => {
                    let code = events.iter().find_map(|e| match e {
                        RuntimeEvent::Exited { process: p, code } if p == process => Some(*code),
                        _ => None,
                    });
                    if let Some(code) = code {
                        let output = self.runtime.log(*log).map(|l| l.text()).unwrap_or_default();
                        // ExecSync has returned: nothing of the session stays.
                        self.runtime.release(*process, *log);
                        finished.push((*serial, code == 0, output.trim_end().to_string()));
                    }
                }
                Pending::Http {
                    connection,
                    received,
                    ..
                } => {
                    let (data, _) = self.runtime.host_receive(*connection);
                    received.extend(data);
                    if let Some(code) = prober::status_code(received) {
                        let passed = (200..400).contains(&code);
                        finished.push((
                            *serial,
                            passed,
                            format!("HTTP probe failed with statuscode: {code}"),
                        ));
                    }
                }
            }
        }
        for (serial, passed, message) in finished {
            if let Some(in_flight) = self.probes_in_flight.remove(&serial) {
                self.probe_result(&in_flight.target, passed, message, now, history);
            }
        }
    }

    /// Counts one check's outcome; a verdict that changes wakes the pod worker.
    pub(super) fn probe_result(
        &mut self,
        target: &ProbeTarget,
        passed: bool,
        message: String,
        now: SimTime,
        history: &mut History,
    ) {
        let key = &target.key;
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        let Some(container) = worker.pod.spec.container(&target.container).cloned() else {
            return;
        };
        let Some((_, timing)) = target
            .kind
            .of(&container)
            .and_then(|p| prober::plan(&container, p))
        else {
            return;
        };
        if !passed {
            let mut reporter = Reporter { history, now };
            let path = field_path(&worker.pod, &container.name);
            reporter.pod_event(
                worker,
                &path,
                EventType::Warning,
                reasons::CONTAINER_UNHEALTHY,
                reasons::probe_failed(target.kind.word(), &message),
            );
        }
        let tally = worker
            .tallies
            .entry((target.container.clone(), target.attempt, target.kind))
            .or_insert_with(Tally::new);
        let Some(verdict) = tally.count(passed, &timing) else {
            return;
        };
        if verdict == ProbeResult::Failure && target.kind != ProbeKind::Readiness {
            *tally = Tally::new();
        }
        let Some(running) = worker.runtime.containers.iter_mut().find(|c| {
            c.name == target.container
                && c.attempt == target.attempt
                && c.state == RuntimeState::Running
        }) else {
            return;
        };
        let slot = match target.kind {
            ProbeKind::Startup => &mut running.probes.startup,
            ProbeKind::Liveness => &mut running.probes.liveness,
            ProbeKind::Readiness => &mut running.probes.readiness,
        };
        if *slot == verdict {
            return;
        }
        *slot = verdict;
        self.dirty.insert(key.clone());
        if worker.busy {
            worker.pending_sync = true;
        } else {
            self.schedule_sync(key, now);
        }
    }

    /// A check's timeout came: a command still running is killed and its
    /// session ended, a server still silent has failed.
    pub(super) fn probe_deadline(&mut self, serial: u64, now: SimTime, history: &mut History) {
        let Some(in_flight) = self.probes_in_flight.remove(&serial) else {
            return;
        };
        let message = match &in_flight.check {
            Pending::Exec {
                process,
                log,
                command,
            } => {
                self.runtime
                    .signal(*process, crate::runtime::SignalTarget::Process, 9);
                self.runtime.release(*process, *log);
                format!("command \"{command}\" timed out")
            }
            Pending::Http { url, .. } => format!(
                "Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
            ),
        };
        self.probe_result(&in_flight.target, false, message, now, history);
    }
}
