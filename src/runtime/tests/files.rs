//! Files as processes see them: mounts and `df`, sized emptyDirs, `ls`,
//! `cd`, a full tmpfs, globs and symbolic links.

use super::*;

#[test]
fn busybox_df_lists_every_mount_with_blocks_as_a_pod_has_them() {
    assert_eq!(
        run_with_empty_dirs("busybox", "df"),
        "Filesystem           1K-blocks      Used Available Use% Mounted on
overlay              101430960  23987413  72371999  25% /
tmpfs                    65536         0     65536   0% /dev
/dev/vda1            101430960  23987413  72371999  25% /data
tmpfs                     1024         0      1024   0% /cache
/dev/vda1            101430960  23987413  72371999  25% /etc/hostname
/dev/vda1            101430960  23987413  72371999  25% /etc/resolv.conf
shm                      65536         0     65536   0% /dev/shm
/dev/vda1            101430960  23987413  72371999  25% /etc/hosts
/dev/vda1            101430960  23987413  72371999  25% /dev/termination-log
tmpfs                  4076048         0   4076048   0% /proc/acpi
tmpfs                    65536         0     65536   0% /proc/kcore
tmpfs                    65536         0     65536   0% /proc/keys
tmpfs                    65536         0     65536   0% /proc/timer_list
tmpfs                  4076048         0   4076048   0% /proc/scsi
tmpfs                  4076048         0   4076048   0% /sys/firmware
"
    );
}

#[test]
fn coreutils_df_h_shows_each_device_once_in_human_sizes() {
    assert_eq!(
        run_with_empty_dirs("centos:7", "df -h"),
        "Filesystem      Size  Used Avail Use% Mounted on
overlay          97G   23G   70G  25% /
tmpfs            64M     0   64M   0% /dev
/dev/vda1        97G   23G   70G  25% /data
tmpfs           1.0M     0  1.0M   0% /cache
shm              64M     0   64M   0% /dev/shm
tmpfs           3.9G     0  3.9G   0% /proc/acpi
tmpfs           3.9G     0  3.9G   0% /proc/scsi
tmpfs           3.9G     0  3.9G   0% /sys/firmware
"
    );
}

#[test]
fn mount_prints_the_proc_mounts_lines_of_the_volumes() {
    let text = run_with_empty_dirs("busybox", "mount");
    assert!(text.starts_with("overlay on / type overlay (rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/39/fs,upperdir="), "{text}");
    assert!(
        text.contains(
            "/dev/vda1 on /data type ext4 (rw,relatime)\ntmpfs on /cache type tmpfs (rw,relatime,size=1024k)\n/dev/vda1 on /etc/hostname type ext4 (rw,relatime)\n"
        ),
        "{text}"
    );
}

#[test]
fn a_sized_memory_empty_dir_refuses_writes_beyond_its_size_and_a_disk_one_does_not() {
    let script = "s=$(seq 1 100000); echo \"$s\" > /cache/a; echo \"$s\" >> /cache/a; echo \"status $?\"; wc -c < /cache/a; df /cache; echo \"$s\" > /data/a; echo \"$s\" >> /data/a; wc -c < /data/a";
    assert_eq!(
        run_with_empty_dirs("busybox", script),
        "sh: write error: No space left on device
status 1
1048576
Filesystem           1K-blocks      Used Available Use% Mounted on
tmpfs                     1024      1024         0 100% /cache
1177790
"
    );
}

#[test]
fn ls_l_ln_and_head_c_print_as_busybox_and_coreutils_print_them() {
    let script = "mkdir /tmp/d; echo hello > /tmp/d/a; sleep 61; echo more >> /tmp/d/a; ln /tmp/d/a /tmp/d/b; mkdir /tmp/d/sub; ls -l /tmp/d; ls -l /tmp/d/a; ln -s a /tmp/d/c; cat /tmp/d/c; head -c 3 /tmp/d/c; echo; ln /tmp/d/a /tmp/d/b";
    assert_eq!(
        run_in_image("busybox", script, 61_000),
        "total 12
-rw-r--r--    2 root     root            11 Jan  1 00:01 a
-rw-r--r--    2 root     root            11 Jan  1 00:01 b
drwxr-xr-x    2 root     root          4096 Jan  1 00:01 sub
-rw-r--r--    2 root     root            11 Jan  1 00:01 /tmp/d/a
hello
more
hel
ln: /tmp/d/b: File exists
"
    );
    assert_eq!(
        run_in_image("centos:7", script, 61_000),
        "total 12
-rw-r--r-- 2 root root   11 Jan  1 00:01 a
-rw-r--r-- 2 root root   11 Jan  1 00:01 b
drwxr-xr-x 2 root root 4096 Jan  1 00:01 sub
-rw-r--r-- 2 root root 11 Jan  1 00:01 /tmp/d/a
hello
more
hel
ln: failed to create hard link '/tmp/d/b': File exists
"
    );
}

#[test]
fn cd_to_a_missing_directory_fails_in_each_shells_words() {
    let script = "cd /nowhere; echo \"status $?\"; cd /tmp && pwd";
    assert_eq!(
        run_in_image("busybox", script, 1_000),
        "sh: cd: can't cd to /nowhere: No such file or directory\nstatus 1\n/tmp\n"
    );
    assert_eq!(
        run_in_image("debian", script, 0),
        "sh: 1: cd: can't cd to /nowhere\nstatus 2\n/tmp\n"
    );
    assert_eq!(
        run_in_image("centos:7", script, 0),
        "bash: cd: /nowhere: No such file or directory\nstatus 1\n/tmp\n"
    );
}

#[test]
fn a_write_to_a_full_tmpfs_fails_in_the_words_of_the_shell_or_program() {
    let script = "s=$(seq 1 200000); echo \"$s\" > /cache/a; printf '%s\\n' \"$s\" >> /cache/a; rm /cache/a; seq 1 200000 > /cache/b";
    assert_eq!(
        run_with_empty_dirs("centos:7", script),
        "bash: echo: write error: No space left on device\nbash: printf: write error: No space left on device\nseq: write error: No space left on device\n"
    );
    assert_eq!(
        run_with_empty_dirs("debian", script),
        "sh: 1: echo: echo: I/O error\nsh: 1: printf: printf: I/O error\nseq: write error: No space left on device\n"
    );
}

#[test]
fn a_writer_on_a_full_disk_gives_up_with_its_own_words_and_status() {
    // Recorded with `PROGRAM > /dev/full; echo $?` from BusyBox 1.35 (ash
    // builtins), dash 0.5.12 with GNU coreutils 9.1, and bash: the first
    // failed write ends `yes` and `cat`; nothing keeps trying.
    let script = "yes > /cache/a; echo \"yes $?\"; cat /etc/hosts > /cache/b; echo \"cat $?\"; \
                  printf x > /cache/b; echo \"printf $?\"; echo x > /cache/b; echo \"echo $?\"";
    let cases = [
        (
            "busybox",
            "yes: (null): No space left on device\nyes 1\ncat: write error: No space left on device\ncat 1\nprintf 1\nsh: write error: No space left on device\necho 1\n",
        ),
        (
            "debian",
            "yes: standard output: No space left on device\nyes 1\ncat: write error: No space left on device\ncat 1\nsh: 1: printf: printf: I/O error\nprintf 1\nsh: 1: echo: echo: I/O error\necho 1\n",
        ),
        (
            "centos:7",
            "yes: standard output: No space left on device\nyes 1\ncat: write error: No space left on device\ncat 1\nbash: printf: write error: No space left on device\nprintf 1\nbash: echo: write error: No space left on device\necho 1\n",
        ),
    ];
    for (image, expected) in cases {
        assert_eq!(run_with_empty_dirs(image, script), expected, "{image}");
    }
}

#[test]
fn a_wildcard_in_a_middle_component_matches_across_directories() {
    let mut runtime = Runtime::new();
    let (_, log) = spawn_image(
        &mut runtime,
        "busybox",
        &[
            "sh",
            "-c",
            "mkdir -p /pods/a/vol /pods/b/vol /pods/c; touch /pods/a/vol/x /pods/b/vol/x; echo /pods/*/vol/x; echo /pods/*/none",
        ],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, 1_000);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "/pods/a/vol/x /pods/b/vol/x\n/pods/*/none\n"
    );
}

#[test]
fn symbolic_links_are_followed_listed_read_and_removed_as_links() {
    let script = "mkdir -p /tmp/d/sub; echo hello > /tmp/d/a; cd /tmp/d; ln -s a rel; ln -s /tmp/d/sub abs; ln -s missing dangling; ln -s loop1 loop2; ln -s loop2 loop1; ls -l; cat rel; echo in > abs/f; ls sub; readlink rel; readlink -f abs/f; readlink a || echo not-a-link; echo made > dangling; cat missing; cat loop1; [ -L rel ] && [ ! -L a ] && echo test-L; rm rel abs; ls; cat a";
    assert_eq!(
        run_in_image("busybox", script, 1_000),
        "total 8
-rw-r--r--    1 root     root             6 Jan  1 00:00 a
lrwxrwxrwx    1 root     root            10 Jan  1 00:00 abs -> /tmp/d/sub
lrwxrwxrwx    1 root     root             7 Jan  1 00:00 dangling -> missing
lrwxrwxrwx    1 root     root             5 Jan  1 00:00 loop1 -> loop2
lrwxrwxrwx    1 root     root             5 Jan  1 00:00 loop2 -> loop1
lrwxrwxrwx    1 root     root             1 Jan  1 00:00 rel -> a
drwxr-xr-x    2 root     root          4096 Jan  1 00:00 sub
hello
f
a
/tmp/d/sub/f
not-a-link
made
cat: loop1: Symbolic link loop
test-L
a
dangling
loop1
loop2
missing
sub
hello
"
    );
    let coreutils = run_in_image(
        "centos:7",
        "cd /tmp; ln -s b a; ln -s a b; cat a; ln -s x a; ls -l a",
        0,
    );
    assert_eq!(
        coreutils,
        "cat: a: Too many levels of symbolic links
ln: failed to create symbolic link 'a': File exists
lrwxrwxrwx 1 root root 1 Jan  1 00:00 a -> b
"
    );
}

#[test]
fn every_container_has_the_character_devices() {
    // BusyBox 1.35 ash and bash 5.2 with GNU coreutils 9.1 agree: `/dev/zero`
    // reads as endless zero bytes, `/dev/null` as nothing, `/dev/full`
    // refuses writes (ENOSPC), `/dev/urandom` gives as many bytes as asked.
    let script = "head -c 10 /dev/zero | wc -c; head -c 7 < /dev/urandom | wc -c; \
                  cat /dev/null; echo \"null $?\"; cat /dev/zero | head -c 5 | wc -c; \
                  echo hi > /dev/full; echo \"full $?\"; cd /tmp && head -c 3 ../dev/zero | wc -c";
    let cases = [
        (
            "busybox",
            "10\n7\nnull 0\n5\nsh: write error: No space left on device\nfull 1\n3\n",
        ),
        (
            "centos:7",
            "10\n7\nnull 0\n5\nbash: echo: write error: No space left on device\nfull 1\n3\n",
        ),
    ];
    for (image, expected) in cases {
        assert_eq!(run_in_image(image, script, 0), expected, "{image}");
    }
}

#[test]
fn reading_an_endless_device_alone_is_bounded() {
    // `cat /dev/zero` writes into the log until it is stopped; the log
    // keeps at most its limit. `wc -c < /dev/zero` and `tail /dev/zero`
    // read for ever, holding nothing; `tail -f /dev/null` waits.
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (cat, log) = launch(&mut runtime, view.clone(), Flavor::Busybox, "cat /dev/zero");
    let (wc, _) = launch(
        &mut runtime,
        view.clone(),
        Flavor::Busybox,
        "wc -c < /dev/zero",
    );
    let (tail, _) = launch(
        &mut runtime,
        view.clone(),
        Flavor::Busybox,
        "tail /dev/urandom",
    );
    let (idle, _) = launch(&mut runtime, view, Flavor::Busybox, "tail -f /dev/null");
    run_until(&mut runtime, 5_000);
    for id in [cat, wc, tail, idle] {
        assert_eq!(runtime.exit_code(id), None);
    }
    let held = runtime.log(log).unwrap().text().len();
    assert!(
        held > 0 && held <= crate::runtime::log::FILE_CEILING,
        "{held}"
    );
}

#[test]
fn read_from_an_endless_device_is_bounded() {
    // The real shells hang on `read x < /dev/zero` (no newline ever comes);
    // podplay's read gives up after its bound instead of freezing the page.
    // From /dev/urandom a newline comes soon, as for real.
    assert_eq!(
        run_in_image(
            "busybox",
            "read x < /dev/zero; echo \"zero $?\"; read y < /dev/urandom; echo \"urandom $?\"",
            0
        ),
        "zero 1\nurandom 0\n"
    );
}

#[test]
fn a_containers_dev_holds_what_runc_and_the_kubelet_put_there() {
    // runc's device nodes (`AllowedDevices`: /dev/tty left out), its links
    // (`setupDevSymlinks`, `setupPtmx`), containerd's mount points and the
    // kubelet's termination log; `busybox ls -l /dev/null` on Debian 12
    // prints `crw-rw-rw-    1 root     root        1,   3 …`.
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    runtime.fs.make_dev(&view, true).unwrap();
    let (_, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "ls /dev; ls -l /dev/null /dev/zero /dev/fd; echo x > /dev/null; cat /dev/null",
    );
    run_until(&mut runtime, 100);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "core\nfd\nfull\nmqueue\nnull\nptmx\npts\nrandom\nshm\nstderr\nstdin\nstdout\ntermination-log\nurandom\nzero\n\
crw-rw-rw-    1 root     root        1,   3 Jan  1 00:00 /dev/null\n\
crw-rw-rw-    1 root     root        1,   5 Jan  1 00:00 /dev/zero\n\
lrwxrwxrwx    1 root     root            13 Jan  1 00:00 /dev/fd -> /proc/self/fd\n"
    );
}
