package store

import "testing"

func TestDerivedUUID(t *testing.T) {
	a, b := DerivedUUID("sweep-1", 7), DerivedUUID("sweep-1", 7)
	if a != b || len(a) != 36 || a[14] != '5' {
		t.Fatalf("DerivedUUID not stable or not v5: %s %s", a, b)
	}
	if DerivedUUID("sweep-1", 8) == a || DerivedUUID("sweep-2", 7) == a {
		t.Fatal("DerivedUUID collides across index or parent")
	}
}
