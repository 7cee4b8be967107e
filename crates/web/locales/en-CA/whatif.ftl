## "How to raise your score" on the results page (planning: what-if).
whatif-heading = How to raise your score
whatif-intro = Your estimated score is { $crs }. Each line below changes one answer on its own and says what it adds; the largest gains come first.
whatif-none = No single change raises your score.
whatif-all = All { $count } options
whatif-source = Comprehensive Ranking System criteria (canada.ca)
whatif-plan-heading = The fewest changes that reach a score
whatif-target-label = Target score
whatif-target-hint = A CRS score from 1 to 1,200, for example the cutoff of a recent round.
whatif-target-submit = Show the plan
whatif-target-error = Enter a whole number from 1 to 1,200.
whatif-plan-for = To reach { $target }:
whatif-caveat = Plans only use changes you make yourself (language tests, education, your spouse's or partner's). A provincial nomination, a certificate of qualification and the years of experience still coming are in the list above, not in plans.
