package assemble

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/fingerprints/coverage"
	"github.com/netcensus/netcensus/internal/config"
)

// CheckConfig reads the config at path (config.Load; "" for the default
// places) and checks what Load does not: the profiles of
// fingerprints.profiles_dir (Fingerprints; a bad one a *SettingsError
// naming the file). It returns the file read, "" for the defaults.
func CheckConfig(path string, getenv func(string) string) (config.Config, string, error) {
	cfg, used, err := config.Load(path, getenv)
	if err != nil {
		return cfg, used, err
	}
	if _, err := Fingerprints(cfg.Fingerprints); err != nil {
		return cfg, used, fmt.Errorf("config %s: %w", used, err)
	}
	return cfg, used, nil
}

// Coverage fingerprints every recorded walk below dir with the engine of
// the config's fingerprints section (Fingerprints) and sums up, per
// field, what was found and, with expectFile (YAML or CSV of what each
// walk's device truly is), how much of it is right. Unreadable walks and
// lines, and walks of expectFile not below dir, are said on w. An
// unreadable expectFile or dir is a *SettingsError.
func Coverage(ctx context.Context, c config.Fingerprints, dir, expectFile string, w io.Writer) (coverage.Report, error) {
	var expect map[string]coverage.Expect
	if expectFile != "" {
		var err error
		if expect, err = coverage.LoadExpect(expectFile); err != nil {
			return coverage.Report{}, &SettingsError{err}
		}
	}
	eng, err := Fingerprints(c)
	if err != nil {
		return coverage.Report{}, err
	}
	walks, bad, err := coverage.Run(ctx, eng, dir)
	if err != nil {
		return coverage.Report{}, &SettingsError{err}
	}
	for _, b := range bad {
		fmt.Fprintf(w, "coverage: %s: unreadable: %s\n", b.File, b.Err)
	}
	for _, wk := range walks {
		if wk.Skipped > 0 {
			fmt.Fprintf(w, "coverage: %s: %d unreadable lines skipped\n", wk.File, wk.Skipped)
		}
	}
	rep, err := coverage.Summarize(walks, bad, expect)
	if err != nil {
		return rep, err
	}
	if len(rep.NotFound) > 0 {
		fmt.Fprintf(w, "coverage: %d walk(s) of %s not in %s: %s\n", len(rep.NotFound), expectFile, dir, strings.Join(rep.NotFound, ", "))
	}
	return rep, nil
}

// Explained is what the fingerprint engine concludes of one device, and
// why (fingerprints explain).
type Explained struct {
	fingerprints.Explanation
	eng *fingerprints.Engine
	in  fingerprints.Input
}

// Explain runs the engine of the config's fingerprints section
// (Fingerprints) on in or, when walkFile is given, on the recorded walk
// there (its unreadable lines counted on w; an unreadable walk is a
// *SettingsError) and explains the result: the profiles that matched,
// with all every profile.
func Explain(c config.Fingerprints, in fingerprints.Input, walkFile string, all bool, w io.Writer) (Explained, error) {
	eng, err := Fingerprints(c)
	if err != nil {
		return Explained{}, err
	}
	in.SysObjectID = strings.TrimPrefix(in.SysObjectID, ".")
	if walkFile != "" {
		var skipped int
		if in, skipped, err = coverage.ReadInput(walkFile, eng.VendorOIDs()); err != nil {
			return Explained{}, &SettingsError{fmt.Errorf("--walk %s: %w", walkFile, err)}
		}
		if skipped > 0 {
			fmt.Fprintf(w, "walk %s: %d unreadable lines skipped\n", walkFile, skipped)
		}
	}
	return Explained{Explanation: eng.Explanation(in, all), eng: eng, in: in}, nil
}

// WriteText writes the explanation for people (Engine.WriteExplain).
func (x Explained) WriteText(w io.Writer) { x.eng.WriteExplain(w, x.in, x.Result, x.Matches) }

// CoverageIn is Coverage written on out in format: table (Report.WriteText)
// or json. Another format is a *SettingsError, before any walk is read.
func CoverageIn(ctx context.Context, format string, c config.Fingerprints, dir, expectFile string, out, w io.Writer) error {
	if err := tableOrJSON(format); err != nil {
		return err
	}
	rep, err := Coverage(ctx, c, dir, expectFile, w)
	if err != nil {
		return err
	}
	return writeTableOrJSON(out, format, rep, rep.WriteText)
}

// ExplainRequest is fingerprints explain's: a device's SysObjectID and
// SysDescr, or a recorded walk (Walk) instead; with All, the profiles
// that did not match too; in Format, table ("" too) or json.
type ExplainRequest struct {
	SysObjectID, SysDescr, Walk, Format string
	All                                 bool
}

// Run explains r's device (Explain) on out, what the walk's reading says
// on w. A device given neither way or both, or another format, is a
// *SettingsError.
func (r ExplainRequest) Run(c config.Fingerprints, out, w io.Writer) error {
	if r.Walk == "" && r.SysObjectID == "" && r.SysDescr == "" {
		return &SettingsError{errors.New("give --sys-object-id and/or --sys-descr, or --walk FILE")}
	}
	if r.Walk != "" && (r.SysObjectID != "" || r.SysDescr != "") {
		return &SettingsError{errors.New("--walk replaces --sys-object-id and --sys-descr: give one or the other")}
	}
	if r.Format == "" {
		r.Format = "table"
	}
	if err := tableOrJSON(r.Format); err != nil {
		return err
	}
	ex, err := Explain(c, fingerprints.Input{SysObjectID: r.SysObjectID, SysDescr: r.SysDescr}, r.Walk, r.All, w)
	if err != nil {
		return err
	}
	return writeTableOrJSON(out, r.Format, ex.Explanation, ex.WriteText)
}

// tableOrJSON refuses a format of a report that is neither table nor
// json.
func tableOrJSON(format string) error {
	if format != "table" && format != "json" {
		return &SettingsError{fmt.Errorf("--format %q: want table or json", format)}
	}
	return nil
}

// writeTableOrJSON writes v on w as indented JSON when format is json,
// else as table writes it for people.
func writeTableOrJSON(w io.Writer, format string, v any, table func(io.Writer)) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	table(w)
	return nil
}
