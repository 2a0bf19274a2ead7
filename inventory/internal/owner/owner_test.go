package owner

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// ownerOf is path's uid and gid.
func ownerOf(t *testing.T, path string) (uint32, uint32) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	s := fi.Sys().(*syscall.Stat_t)
	return s.Uid, s.Gid
}

// needRoot skips a test that chowns: only root may give a file away.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: only root gives a file to another user")
	}
}

func TestMatchGivesRootsFileToTheDirectorysOwner(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	if err := os.Chown(dir, 65534, 65533); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "netcensus.db")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Match(f); err != nil {
		t.Fatal(err)
	}
	if u, g := ownerOf(t, f); u != 65534 || g != 65533 {
		t.Errorf("owner %d:%d, want 65534:65533 (the directory's)", u, g)
	}
	if err := Match(filepath.Join(dir, "netcensus.db-wal")); err != nil {
		t.Errorf("a file SQLite already removed: %v", err)
	}
}

func TestMatchLeavesRootsDirectoryAlone(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	if err := os.Chown(dir, 0, 0); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "spool.jsonl")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(f, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := Match(f); err != nil {
		t.Fatal(err)
	}
	if u, g := ownerOf(t, f); u != 65534 || g != 65534 {
		t.Errorf("owner %d:%d changed in root's directory, want 65534:65534 kept", u, g)
	}
}

func TestMatchIsNothingForOtherUsers(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "x")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	u0, g0 := ownerOf(t, f)
	if err := match(1000, f); err != nil {
		t.Fatal(err)
	}
	if u, g := ownerOf(t, f); u != u0 || g != g0 {
		t.Errorf("a non-root process changed the owner to %d:%d", u, g)
	}
	if err := match(1000, filepath.Join(dir, "missing", "x")); err != nil {
		t.Errorf("a non-root process looked at the directory: %v", err)
	}
}
