// Package owner keeps the state files root creates in another user's
// directory that user's.
//
// The package's service runs as the netcensus user and keeps its CMDB and
// spool in /var/lib/netcensus; root's CLI uses the same directory. A file
// root creates there (the store on a first sweep, its -wal and -shm, the
// spool and its lock) would be root's, 0600, and the service could no
// longer open it. So when root creates a state file in a directory that
// belongs to someone else, the file is given the directory's owner and
// group, as if that user had made it.
package owner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Match gives path the owner and group of its directory when this process
// runs as root and the directory is not root's. A path that does not exist
// (a -wal file SQLite has already removed) is no error.
func Match(path string) error {
	return match(os.Geteuid(), path)
}

func match(euid int, path string) error {
	if euid != 0 {
		return nil
	}
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("owner of %s: %w", path, err)
	}
	d, ok := dir.Sys().(*syscall.Stat_t)
	if !ok || d.Uid == 0 && d.Gid == 0 {
		return nil
	}
	f, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("owner of %s: %w", path, err)
	}
	if s, ok := f.Sys().(*syscall.Stat_t); ok && s.Uid == d.Uid && s.Gid == d.Gid {
		return nil
	}
	if err := os.Lchown(path, int(d.Uid), int(d.Gid)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("give %s to the owner of its directory: %w", path, err)
	}
	return nil
}
