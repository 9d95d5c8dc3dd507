package triage

import "strings"

// nhsPatientHelp is what a patient is told about an NHS number they typed wrongly:
// where to find theirs, not what staff would check.
const nhsPatientHelp = "Please check your NHS number: it is 10 digits, like 485 777 3456, and it is on letters from your GP, on prescriptions and in the NHS App."

// NHSNumber is a patient's ten-digit NHS number, held as digits only. The zero value
// is "no number"; a non-empty NHSNumber made by ParseNHSNumber has a valid check digit.
type NHSNumber string

// ParseNHSNumber reads an NHS number as people type it (spaces, hyphens and dots are
// ignored) and checks its modulus-11 check digit. Ten identical digits (0000000000,
// 1111111111) pass the check digit but are never issued: they are what people type
// to get past a form, so they are refused too.
func ParseNHSNumber(s string) (NHSNumber, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.':
		default:
			return "", Errorf(EINVALID, "NHS number %q has a character that is not a digit: an NHS number is 10 digits, like 999 000 0018", s).ForPatient(nhsPatientHelp)
		}
	}
	d := b.String()
	if len(d) != 10 {
		return "", Errorf(EINVALID, "NHS number %q has %d digits, not 10: an NHS number is 10 digits, like 999 000 0018", s, len(d)).
			ForPatient("%s You typed %d digits.", nhsPatientHelp, len(d))
	}
	check, ok := nhsCheckDigit(d[:9])
	if !ok || check != int(d[9]-'0') {
		return "", Errorf(EINVALID, "NHS number %q fails its check digit: check it against the patient's record for a mistyped digit", s).ForPatient(nhsPatientHelp)
	}
	if strings.Count(d, d[:1]) == len(d) {
		return "", Errorf(EINVALID, "NHS number %q is %s ten times, which is never issued: check it against the patient's record", s, d[:1]).ForPatient(nhsPatientHelp)
	}
	return NHSNumber(d), nil
}

// nhsCheckDigit computes the modulus-11 check digit of the first nine digits; ok is
// false when the remainder gives 10, which means no valid number has those digits.
func nhsCheckDigit(nine string) (digit int, ok bool) {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		return 0, true
	case 10:
		return 0, false
	}
	return check, true
}

// CompleteNHSNumber appends the check digit to nine digits; demo data uses it to make
// valid numbers in the 999 test range. ok is false when the nine digits have no valid
// check digit.
func CompleteNHSNumber(nine string) (NHSNumber, bool) {
	if len(nine) != 9 || strings.Trim(nine, "0123456789") != "" {
		return "", false
	}
	d, ok := nhsCheckDigit(nine)
	if !ok {
		return "", false
	}
	return NHSNumber(nine + string(rune('0'+d))), true
}

// String formats the number as people read it: 3-3-4 digits separated by spaces.
func (n NHSNumber) String() string {
	if len(n) != 10 {
		return string(n)
	}
	return string(n[:3]) + " " + string(n[3:6]) + " " + string(n[6:])
}

// IsTest reports whether the number is in the 999 range reserved for testing.
func (n NHSNumber) IsTest() bool { return strings.HasPrefix(string(n), "999") }
