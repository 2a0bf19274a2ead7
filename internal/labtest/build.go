package labtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ModuleRoot walks up from the working directory to the directory holding
// go.mod.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// BuildBinary builds pkg (a path relative to the module root, such as
// "./cmd/netcensus") once per test binary and returns the executable's path.
// Later calls, also from parallel tests, return the same file. The build
// directory is os.TempDir()/netcensus-labtest-<pid>; directories of test
// processes that have exited are removed on the next first build.
func BuildBinary(t testing.TB, pkg string) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(os.TempDir(), "netcensus-labtest-"+strconv.Itoa(os.Getpid()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("build %s: %v", pkg, err)
	}
	// One builder at a time in this process: flock excludes other open file
	// descriptions, so also other goroutines.
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("build %s: %v", pkg, err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("build %s: lock: %v", pkg, err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	// dir/cmd_netcensus/netcensus: the executable keeps its package's name.
	bin := filepath.Join(dir, binDir(pkg), filepath.Base(filepath.Clean(pkg)))
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatalf("build %s: %v", pkg, err)
	}
	removeStaleBuildDirs(filepath.Dir(dir))

	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	tmp := bin + ".tmp"
	cmd := exec.CommandContext(ctx, goBin, "build", "-o", tmp, pkg)
	cmd.Dir = root
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatalf("build %s: %v", pkg, err)
	}
	t.Logf("built %s in %v: %s", pkg, time.Since(start).Round(time.Millisecond), bin)
	return bin
}

// binDir turns "./cmd/netcensus" into "cmd_netcensus".
func binDir(pkg string) string {
	s := strings.Trim(filepath.ToSlash(filepath.Clean(pkg)), "./")
	return strings.NewReplacer("/", "_", ".", "_").Replace(s)
}

// removeStaleBuildDirs removes netcensus-labtest-<pid> directories whose
// process is gone.
func removeStaleBuildDirs(tmp string) {
	ents, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range ents {
		v, ok := strings.CutPrefix(e.Name(), "netcensus-labtest-")
		if !ok || !e.IsDir() {
			continue
		}
		pid, err := strconv.Atoi(v)
		if err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.RemoveAll(filepath.Join(tmp, e.Name()))
		}
	}
}
