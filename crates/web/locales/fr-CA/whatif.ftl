## « Comment augmenter votre score » sur la page des résultats (planification : et si).
whatif-heading = Comment augmenter votre score
whatif-intro = Votre score estimé est de { $crs }. Chaque ligne ci-dessous change une seule réponse et indique ce qu’elle ajoute ; les gains les plus grands viennent en premier.
whatif-none = Aucun changement à lui seul n’augmente votre score.
whatif-all = Les { $count } options
whatif-source = Critères du Système de classement global (canada.ca, en anglais)
whatif-plan-heading = Le moins de changements possible pour atteindre un score
whatif-target-label = Score visé
whatif-target-hint = Un score SCG de 1 à 1 200, par exemple le score minimal d’une ronde récente.
whatif-target-submit = Afficher le plan
whatif-target-error = Entrez un nombre entier de 1 à 1 200.
whatif-plan-for = Pour atteindre { $target } :
whatif-caveat = Les plans n’utilisent que des changements qui dépendent de vous (tests de langue, études, et ceux de votre époux ou conjoint de fait). Une nomination provinciale, un certificat de qualification et les années d’expérience à venir figurent dans la liste ci-dessus, pas dans les plans.
