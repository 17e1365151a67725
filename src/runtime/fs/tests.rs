//! The filesystem's tests: shared volumes, read-only mounts, a full disk,
//! paths, directories.

use super::*;

fn two_containers_sharing_a_volume() -> (FileSystem, View, View) {
    let mut fs = FileSystem::default();
    let volume = fs.new_directory();
    let producer_root = fs.new_directory();
    let consumer_root = fs.new_directory();
    let producer = View {
        root: producer_root,
        mounts: vec![Mount {
            path: "/producer_dir".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
    };
    let consumer = View {
        root: consumer_root,
        mounts: vec![Mount {
            path: "/consumer_dir".into(),
            root: volume,
            read_only: true,
            kind: MountKind::Disk,
        }],
    };
    (fs, producer, consumer)
}

#[test]
fn a_write_through_one_mount_is_read_through_the_other() {
    let (mut fs, producer, consumer) = two_containers_sharing_a_volume();
    fs.write(&producer, "/", "/producer_dir/hello", b"1\n", true)
        .unwrap();
    fs.write(&producer, "/producer_dir", "hello", b"2\n", true)
        .unwrap();
    assert_eq!(
        fs.read(&consumer, "/", "/consumer_dir/hello").unwrap(),
        b"1\n2\n"
    );
    assert_eq!(
        fs.read(&consumer, "/", "/producer_dir/hello"),
        Err(FsError::NotFound)
    );
}

#[test]
fn a_read_only_mount_refuses_writes() {
    let (mut fs, _, consumer) = two_containers_sharing_a_volume();
    assert_eq!(
        fs.write(&consumer, "/", "/consumer_dir/x", b"", false),
        Err(FsError::ReadOnly)
    );
    assert_eq!(FsError::ReadOnly.message(), "Read-only file system");
}

#[test]
fn the_disk_fills_up_and_frees_space_on_removal() {
    let (mut fs, producer, _) = two_containers_sharing_a_volume();
    let chunk = vec![b'x'; DISK_BYTES / 2];
    fs.write(&producer, "/", "/a", &chunk, false).unwrap();
    fs.write(&producer, "/", "/b", &chunk, false).unwrap();
    assert_eq!(
        fs.write(&producer, "/", "/c", b"!", false),
        Err(FsError::NoSpace)
    );
    fs.write(&producer, "/", "/a", b"small", false).unwrap();
    fs.remove(&producer, "/", "/b", false).unwrap();
    fs.write(&producer, "/", "/c", &chunk, false).unwrap();
}

#[test]
fn paths_normalize_dots_and_parents() {
    assert_eq!(normalize("/a/b", "../c/./d"), ["a", "c", "d"]);
    assert_eq!(normalize("/", "/x//y/"), ["x", "y"]);
}

#[test]
fn directories_are_made_listed_and_removed() {
    let (mut fs, producer, _) = two_containers_sharing_a_volume();
    fs.make_directory(&producer, "/", "/tmp/a/b", true).unwrap();
    fs.write(&producer, "/tmp/a", "b/f", b"x", false).unwrap();
    assert_eq!(fs.list(&producer, "/", "/tmp/a").unwrap(), ["b"]);
    assert_eq!(
        fs.remove(&producer, "/", "/tmp/a", false),
        Err(FsError::IsADirectory)
    );
    fs.remove(&producer, "/", "/tmp/a", true).unwrap();
    assert_eq!(
        fs.list(&producer, "/", "/tmp").unwrap(),
        Vec::<String>::new()
    );
}
