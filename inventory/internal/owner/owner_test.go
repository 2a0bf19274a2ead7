package owner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/netcensus/netcensus/inventory/internal/owner/ownertest"
)

func TestMatchGivesRootsFileToTheDirectorysOwner(t *testing.T) {
	f := filepath.Join(ownertest.ServiceDir(t), "netcensus.db")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Match(f); err != nil {
		t.Fatal(err)
	}
	ownertest.CheckOwned(t, "Match", f)
	if err := Match(f + "-wal"); err != nil {
		t.Errorf("a file SQLite already removed: %v", err)
	}
}

func TestMatchLeavesRootsDirectoryAlone(t *testing.T) {
	ownertest.ServiceDir(t) // skips unless root
	dir := t.TempDir()
	if err := os.Chown(dir, 0, 0); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "spool.jsonl")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(f, ownertest.UID, ownertest.GID); err != nil {
		t.Fatal(err)
	}
	if err := Match(f); err != nil {
		t.Fatal(err)
	}
	ownertest.CheckOwned(t, "Match in root's directory (kept)", f)
}

func TestMatchIsNothingForOtherUsers(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "x")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	u0, g0 := ownertest.Owner(t, f)
	if err := match(1000, f); err != nil {
		t.Fatal(err)
	}
	if u, g := ownertest.Owner(t, f); u != u0 || g != g0 {
		t.Errorf("a non-root process changed the owner to %d:%d", u, g)
	}
	if err := match(1000, filepath.Join(dir, "missing", "x")); err != nil {
		t.Errorf("a non-root process looked at the directory: %v", err)
	}
}
