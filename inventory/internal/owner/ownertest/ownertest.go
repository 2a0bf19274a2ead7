// Package ownertest gives the tests of root's state files a directory that
// belongs to another user, as /var/lib/netcensus belongs to the package's
// netcensus user, and checks who owns what was made in it.
package ownertest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// UID and GID own ServiceDir's directory: nobody's, 65534.
const (
	UID = 65534
	GID = 65534
)

// ServiceDir is a new directory owned by UID:GID. It skips the test unless
// it runs as root: only root gives a file to another user.
func ServiceDir(t testing.TB) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: only root gives a file to another user")
	}
	dir := filepath.Join(t.TempDir(), "netcensus")
	if err := os.Mkdir(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, UID, GID); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Owner is path's uid and gid (the link itself, not what it names).
func Owner(t testing.TB, path string) (uint32, uint32) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	s := fi.Sys().(*syscall.Stat_t)
	return s.Uid, s.Gid
}

// CheckOwned reports each of paths that UID:GID does not own; when says
// at which step.
func CheckOwned(t testing.TB, when string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if u, g := Owner(t, p); u != UID || g != GID {
			t.Errorf("%s: %s owner %d:%d, want the directory's %d:%d", when, filepath.Base(p), u, g, UID, GID)
		}
	}
}
