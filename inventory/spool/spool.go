// Package spool keeps sweeps that could not reach the store: a bounded
// local file of whole sweeps (the ingest input), replayed in order, each
// once, at the start of the next run that reaches the store.
//
// The file is JSON lines, one sweep a line, next to a lock file; a sweep
// that would push the file past its size cap is refused (ErrFull) rather
// than dropping older ones silently.
package spool

import (
	"bufio"
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/internal/owner"
	"github.com/netcensus/netcensus/inventory/store"
)

// DefaultMaxBytes caps the spool file when the caller names no cap:
// 256 MiB (the config key inventory.spool_max_bytes sets it).
const DefaultMaxBytes = 256 << 20

// ErrFull: the sweep would push the spool past its cap; it was not kept.
var ErrFull = errors.New("spool full")

// DefaultPath is $XDG_STATE_HOME/netcensus/spool.jsonl when XDG_STATE_HOME
// is set, else next to the default SQLite store: /var/lib/netcensus for
// root, ~/.local/state/netcensus otherwise. "" when there is no home.
func DefaultPath(getenv func(string) string, uid int) string {
	if x := getenv("XDG_STATE_HOME"); x != "" {
		return filepath.Join(x, "netcensus", "spool.jsonl")
	}
	if uid == 0 {
		return "/var/lib/netcensus/spool.jsonl"
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "state", "netcensus", "spool.jsonl")
	}
	return ""
}

// Spool is a spool file. Methods lock the file against other processes.
type Spool struct {
	path string
	max  int64
}

// New returns the spool at path holding at most maxBytes (DefaultMaxBytes
// when 0).
func New(path string, maxBytes int64) *Spool {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return &Spool{path: path, max: maxBytes}
}

// Path is the spool file.
func (s *Spool) Path() string { return s.path }

// lock takes an exclusive lock on path.lock; the returned func releases it.
func (s *Spool) lock() (func(), error) {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o750); err != nil {
		return nil, fmt.Errorf("spool %s: %w", s.path, err)
	}
	f, err := os.OpenFile(s.path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("spool %s: %w", s.path, err)
	}
	// Root's spool in the service user's directory stays that user's (see
	// package owner): the lock, the file and its rewrite.
	if err := owner.Match(s.path + ".lock"); err != nil {
		f.Close()
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool %s: lock: %w", s.path, err)
	}
	return func() { f.Close() }, nil
}

// Add appends a sweep (its ID must be set, so a replay is recognisable).
func (s *Spool) Add(sw inventory.Sweep) error {
	if sw.ID == "" {
		return fmt.Errorf("spool %s: sweep without an ID", s.path)
	}
	line, err := json.Marshal(&sw)
	if err != nil {
		return fmt.Errorf("spool sweep %s: %w", sw.ID, err)
	}
	line = append(line, '\n')
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	f, err := os.OpenFile(s.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	defer f.Close()
	if err := owner.Match(s.path); err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if st.Size()+int64(len(line)) > s.max {
		return fmt.Errorf("spool %s: %w: it holds %d bytes, sweep %s needs %d more, the cap is %d; the sweep was not kept (reach the store to replay the spool, or raise the cap: inventory.spool_max_bytes in the config)",
			s.path, ErrFull, st.Size(), sw.ID, len(line), s.max)
	}
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	return nil
}

// scan calls fn with each spooled sweep, oldest first, one at a time
// (memory holds one sweep, whatever the spool's size), with its line's
// number. An unterminated last line is a torn write: ignored. It stops at
// fn's first error, or at a line that does not decode, and returns the
// offset of the line it stopped at.
func scan(r io.Reader, fn func(n int, sw inventory.Sweep) error) (int64, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var off int64
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			var sw inventory.Sweep
			if err := json.Unmarshal(line, &sw); err != nil {
				return off, fmt.Errorf("line %d does not decode (fix or remove it): %w", n, err)
			}
			if err := fn(n, sw); err != nil {
				return off, err
			}
		}
		off += int64(len(line))
		if errors.Is(err, io.EOF) {
			return off, nil
		}
		if err != nil {
			return off, err
		}
	}
}

// countLines counts the complete lines of r without keeping any.
func countLines(r io.Reader) (int, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	n := 0
	for {
		_, err := br.ReadSlice('\n')
		switch {
		case err == nil:
			n++
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			return n, nil
		default:
			return n, err
		}
	}
}

// Len is how many sweeps wait.
func (s *Spool) Len() (int, error) {
	unlock, err := s.lock()
	if err != nil {
		return 0, err
	}
	defer unlock()
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("spool %s: %w", s.path, err)
	}
	defer f.Close()
	n, err := countLines(f)
	if err != nil {
		return n, fmt.Errorf("spool %s: %w", s.path, err)
	}
	return n, nil
}

// keepFrom replaces the spool with its bytes from off on (atomically, by
// a copy streamed to a temporary file).
func (s *Spool) keepFrom(f *os.File, off int64) error {
	if off == 0 {
		return nil
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	tmp := s.path + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if _, err := io.Copy(out, f); err != nil {
		out.Close()
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	if err := owner.Match(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return fmt.Errorf("spool %s: %w", s.path, err)
	}
	return nil
}

// Replay ingests the spooled sweeps into inv, oldest first, reading one
// sweep at a time. A sweep the store already holds complete (a replay
// interrupted after storing it, even by a crash) is skipped, not ingested
// again, so the file is rewritten only when the replay stops early: then
// it keeps the sweep that failed and the later ones. Once every sweep is
// stored the spool is removed.
func (s *Spool) Replay(ctx context.Context, inv *inventory.Inventory) (int, error) {
	unlock, err := s.lock()
	if err != nil {
		return 0, err
	}
	defer unlock()
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("spool %s: %w", s.path, err)
	}
	defer f.Close()
	done := 0
	stop, err := scan(f, func(_ int, sw inventory.Sweep) error {
		old, err := inv.Store().Sweep(ctx, sw.ID)
		switch {
		case err == nil && !old.End.IsZero():
			// stored before: skip it
		case err == nil || errors.Is(err, store.ErrNotFound):
			if _, err := inv.Ingest(ctx, sw); err != nil {
				return fmt.Errorf("replay spooled sweep %s: %w", sw.ID, err)
			}
		default:
			return fmt.Errorf("replay spooled sweep %s: %w", sw.ID, err)
		}
		done++
		return nil
	})
	if err != nil {
		return done, errors.Join(fmt.Errorf("spool %s: %w", s.path, err), s.keepFrom(f, stop))
	}
	if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return done, fmt.Errorf("spool %s: %w", s.path, err)
	}
	return done, nil
}

// Unreachable tells a store that could not be reached (refused, reset,
// timed out, closed) from other errors: only those sweeps are spooled.
func Unreachable(err error) bool {
	if err == nil || errors.Is(err, store.ErrSchemaNewer) || errors.Is(err, store.ErrForeign) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, net.ErrClosed)
}

// Spoolable tells whether a sweep that failed to store with err waits in
// the spool: every failure except the ones the user must fix first (the
// store is foreign, or of a newer netcensus). An unreachable or busy
// store, a full disk, an I/O error or a missing table spools the sweep:
// it is never lost.
func Spoolable(err error) bool {
	return err != nil && !errors.Is(err, store.ErrSchemaNewer) && !errors.Is(err, store.ErrForeign)
}

// Opener opens the store and builds the inventory; the func closes it.
type Opener func(ctx context.Context) (*inventory.Inventory, func(), error)

// Outcome is what Deliver did.
type Outcome struct {
	// Result is the sweep's ingest (zero when spooled).
	Result inventory.Result
	// Replayed counts spooled sweeps stored first.
	Replayed int
	// Spooled: the sweep could not be stored and waits in the spool.
	Spooled bool
	// Cause is why it was spooled.
	Cause error
	// Path is the spool's file ("" when the sweep went straight to the
	// store).
	Path string
}

// DeliverTo stores sw through the spool at path holding at most maxBytes
// (Deliver), or, when path is "" (no place for a spool), straight into
// the store: then a store out of reach is an error, the sweep being kept
// nowhere.
func DeliverTo(ctx context.Context, path string, maxBytes int64, open Opener, sw inventory.Sweep) (Outcome, error) {
	if path != "" {
		return New(path, maxBytes).Deliver(ctx, open, sw)
	}
	inv, done, err := open(ctx)
	if err != nil {
		return Outcome{}, err
	}
	defer done()
	res, err := inv.Ingest(ctx, sw)
	return Outcome{Result: res}, err
}

// WriteReplayed says on w how many spooled sweeps were stored first, if
// any.
func (o Outcome) WriteReplayed(w io.Writer) {
	if o.Replayed > 0 {
		fmt.Fprintf(w, "stored: %d spooled sweep(s) replayed from %s\n", o.Replayed, o.Path)
	}
}

// WriteStored says on w what became of sw: spooled (and why), or stored
// (the store's retries, the sweep's counts).
func (o Outcome) WriteStored(w io.Writer, sw inventory.Sweep) {
	if o.Spooled {
		fmt.Fprintf(w, "store: sweep %s not stored (%v): its %d observations are spooled to %s; the next run that reaches the store replays it\n", sw.ID, o.Cause, len(sw.Observations), o.Path)
		return
	}
	if o.Result.Retries > 0 {
		fmt.Fprintf(w, "store: busy; stored after %d retries\n", o.Result.Retries)
	}
	partial := ""
	if o.Result.Sweep.Partial {
		partial = " (partial: nothing marked missing)"
	}
	r := o.Result
	fmt.Fprintf(w, "stored: sweep=%s assets=%d new=%d missing=%d events=%d%s\n", r.Sweep.ID, r.Sweep.Assets, r.Sweep.New, r.Sweep.Missing, len(r.Events), partial)
}

// Deliver stores sw: it opens the store, replays the spool into it, then
// ingests sw. When that fails (at open, during the replay or during the
// ingest) for any reason Spoolable allows, sw is spooled instead and
// Spooled and Cause are set; other errors are returned. sw.ID is set if
// empty.
func (s *Spool) Deliver(ctx context.Context, open Opener, sw inventory.Sweep) (Outcome, error) {
	out := Outcome{Path: s.path}
	if sw.ID == "" {
		at := sw.End
		if at.IsZero() {
			at = sw.Start
		}
		sw.ID = store.NewUUID(at)
	}
	spool := func(cause error) (Outcome, error) {
		if err := s.Add(sw); err != nil {
			return out, errors.Join(fmt.Errorf("store sweep %s: %w", sw.ID, cause), err)
		}
		out.Spooled, out.Cause = true, cause
		return out, nil
	}
	inv, closeFn, err := open(ctx)
	if err != nil {
		if Spoolable(err) {
			return spool(err)
		}
		return out, err
	}
	defer closeFn()
	out.Replayed, err = s.Replay(ctx, inv)
	if err != nil {
		if Spoolable(err) {
			return spool(err)
		}
		return out, err
	}
	out.Result, err = inv.Ingest(ctx, sw)
	if Spoolable(err) {
		return spool(err)
	}
	return out, err
}
