# The rules page (/en/rules): what landed knows, from where, checked when.
rules-title = What landed knows: rules and sources
rules-lead = Every rule landed applies is a table of data with the date it took effect, the page it comes from, how sure we are of that page, and the last day we checked it against the published text. This page lists them all; it is the same list as the command-line tool's.
rules-through-label = Rules data verified against the published pages through:
rules-through-explain = A result dated after this day carries a note: the rules may have changed since. Official pages change without notice; check canada.ca before you rely on a result.
rules-not-verified = not recorded
rules-pending-heading = Changes reported but not in landed
rules-pending-none = No change is reported that landed has not encoded.
rules-pending-lead = These changes are reported, but landed cannot verify their official text or values, so it does not apply them. Every result dated on or after the reported date says so.
rules-pending-reported = Reported in force from { $date }:
rules-grade = grade
rules-grades-heading = How sure we are of a source
rules-grade-c1 = official
rules-grade-c2 = official text, via a copy
rules-grade-c3 = third parties that agree
rules-grade-c4 = one third party
rules-grade-c5 = unverified
rules-grade-none = not graded
rules-grade-c1-long = Official: read on an official page (canada.ca, the Canada Gazette).
rules-grade-c2-long = Official text, via a copy: the official wording as reproduced verbatim by a third party.
rules-grade-c3-long = Third parties that agree: only third-party tables, but at least two independent copies agree and none disagree.
rules-grade-c4-long = One third party: only one third-party source.
rules-grade-c5-long = Unverified: no source found. Check before you rely on it.
rules-tables-heading = { $count ->
    [one] The { $n } rule table
   *[other] The { $n } rule tables
}
rules-tables-lead = Each table lists its versions: the period it is in force, the day it was last checked, the grade of its source and the source itself. Table descriptions and source titles are in English.
rules-versions-caption = Versions of { $table }
rules-col-period = In force
rules-col-verified = Checked on
rules-col-grade = Grade
rules-col-source = Source
rules-period-open = from { $from }
rules-period-closed = { $from }
rules-file = Data file:
rules-cli = The same list from the command line:
