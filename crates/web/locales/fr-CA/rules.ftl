# La page des règles (/fr/rules) : ce que landed sait, d’où, vérifié quand.
rules-title = Ce que landed sait : règles et sources
rules-lead = Chaque règle qu’applique landed est une table de données, avec la date de son entrée en vigueur, la page d’où elle vient, notre degré de certitude sur cette page et le dernier jour où nous l’avons comparée au texte publié. Cette page les liste toutes ; c’est la même liste que celle de l’outil en ligne de commande.
rules-through-label = Données de règles vérifiées par rapport aux pages publiées jusqu’au :
rules-through-explain = Un résultat daté après ce jour porte une note : les règles ont pu changer depuis. Les pages officielles changent sans préavis ; vérifiez canada.ca avant de vous fier à un résultat.
rules-not-verified = non indiqué
rules-pending-heading = Changements signalés mais absents de landed
rules-pending-none = Aucun changement signalé n’est absent de landed.
rules-pending-lead = Ces changements sont signalés, mais landed ne peut pas en vérifier le texte officiel ni les valeurs ; il ne les applique donc pas. Tout résultat daté du jour signalé ou après le dit.
rules-pending-reported = Signalé en vigueur à partir du { $date } :
rules-grade = cote
rules-grades-heading = Notre degré de certitude sur une source
rules-grade-c1 = officielle
rules-grade-c2 = texte officiel, par une copie
rules-grade-c3 = tiers concordants
rules-grade-c4 = un seul tiers
rules-grade-c5 = non vérifiée
rules-grade-none = sans cote
rules-grade-c1-long = Officielle : lue sur une page officielle (canada.ca, la Gazette du Canada).
rules-grade-c2-long = Texte officiel, par une copie : le libellé officiel reproduit mot pour mot par un tiers.
rules-grade-c3-long = Tiers concordants : seulement des tables de tiers, mais au moins deux copies indépendantes concordent et aucune ne diverge.
rules-grade-c4-long = Un seul tiers : une seule source tierce.
rules-grade-c5-long = Non vérifiée : aucune source trouvée. À vérifier avant de s’y fier.
rules-tables-heading = { $count ->
    [one] La { $n } table de règles
   *[other] Les { $n } tables de règles
}
rules-tables-lead = Chaque table liste ses versions : la période où elle est en vigueur, le jour de sa dernière vérification, la cote de sa source et la source elle-même. Les descriptions des tables et les titres des sources sont en anglais.
rules-versions-caption = Versions de { $table }
rules-col-period = En vigueur
rules-col-verified = Vérifiée le
rules-col-grade = Cote
rules-col-source = Source
rules-period-open = depuis le { $from }
rules-period-closed = { $from }
rules-file = Fichier de données :
rules-cli = La même liste en ligne de commande :
