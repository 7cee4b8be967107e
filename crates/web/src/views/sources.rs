//! Official sources as a person reads them: for each canada.ca page the engine cites, a link
//! text that says what it is, in English and French, and the French page where one exists
//! (issue 12 §2). French URLs were read from the English pages' language toggle (or the French
//! page itself) in stored copies on 2026-12-06; a page without a confirmed French URL keeps its English address.
//!
//! The stored copies of the English pages hold their main text only, not the page header with
//! the "Français" toggle, so every French URL below was confirmed from a stored copy of the
//! French page itself (served as `canada.ca/fr/…`, written here as `www.canada.ca/fr/…`, the
//! same site). Where no stored French page was found, `fr_href` is `None`: a French page then
//! shows the French text with the English address, rather than a guessed URL that might 404.

/// One official page: its English address, its link texts, and its French address if known.
pub struct SourceLink {
    /// The address the engine cites (English canada.ca page).
    pub en_href: &'static str,
    /// What the page is, in English, ending with ", canada.ca".
    pub en_text: &'static str,
    /// The French page, when a stored copy confirmed its address.
    pub fr_href: Option<&'static str>,
    /// What the page is, in French (IRCC's own terms), ending with ", canada.ca".
    pub fr_text: &'static str,
}

/// Every canada.ca page the engine cites.
pub const SOURCES: &[SourceLink] = &[
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html",
        en_text: "Canadian Experience Class requirements, canada.ca",
        fr_href: None,
        fr_text: "Exigences de la catégorie de l’expérience canadienne, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html",
        en_text: "Federal Skilled Worker Program requirements, canada.ca",
        // Stored French page « Admissibilité aux programmes d’Entrée express : Qui peut présenter
        // une demande au titre du Programme des travailleurs qualifiés (fédéral) » (mentions FÉER,
        // so copied after November 2022) at this address.
        fr_href: Some(
            "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/immigrer-canada/entree-express/devenir-candidat/admissibilite/travailleurs-qualifies-federal.html",
        ),
        fr_text: "Exigences du Programme des travailleurs qualifiés (fédéral), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html",
        en_text: "Six selection factors of the Federal Skilled Worker Program (67-point grid), canada.ca",
        // Stored French page « Qui peut demander au Programme des travailleurs qualifiés
        // (fédéral) : Les six critères de sélection » at this address.
        fr_href: Some(
            "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/immigrer-canada/entree-express/admissibilite/travailleurs-qualifies-federal/six-criteres-selection-travailleurs-qualifies-federal.html",
        ),
        fr_text: "Les six critères de sélection du Programme des travailleurs qualifiés (fédéral) (grille de 67 points), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/skilled-trades.html",
        en_text: "Federal Skilled Trades Program requirements, canada.ca",
        fr_href: None,
        fr_text: "Exigences du Programme des travailleurs de métiers spécialisés (fédéral), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html",
        en_text: "Comprehensive Ranking System (CRS) criteria, canada.ca",
        fr_href: None,
        fr_text: "Critères du Système de classement global (SCG), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html",
        en_text: "Approved language tests for Express Entry, canada.ca",
        fr_href: None,
        fr_text: "Tests linguistiques approuvés pour Entrée express, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html",
        en_text: "Proof of funds for Express Entry, canada.ca",
        fr_href: None,
        fr_text: "Preuve de fonds suffisants pour Entrée express, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/rounds-invitations/category-based-selection.html",
        en_text: "Express Entry category-based selection, canada.ca",
        fr_href: None,
        fr_text: "Sélection fondée sur des catégories d’Entrée express, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/apply-permanent-residence.html",
        en_text: "Applying for permanent residence through Express Entry, canada.ca",
        fr_href: None,
        fr_text: "Présenter une demande de résidence permanente par Entrée express, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/standard-requirements/language-requirements/test-equivalency-charts.html",
        en_text: "Language test equivalency charts (CLB and NCLC), canada.ca",
        fr_href: None,
        fr_text: "Tableaux d’équivalence des résultats des tests linguistiques (NCLC et CLB), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system.html",
        en_text: "Ministerial Instructions respecting the Express Entry system, canada.ca",
        fr_href: None,
        fr_text: "Instructions ministérielles concernant le système Entrée express, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/current.html",
        en_text: "Ministerial Instructions respecting the Express Entry system, current version, canada.ca",
        fr_href: None,
        fr_text: "Instructions ministérielles concernant le système Entrée express, version en vigueur, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html",
        en_text: "Ministerial Instructions amending the Express Entry system (2017), canada.ca",
        fr_href: None,
        fr_text: "Instructions ministérielles modifiant les instructions concernant le système Entrée express (2017), canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/30-may-2015-18-november-2016.html",
        en_text: "Ministerial Instructions respecting the Express Entry system, May 30, 2015 to November 18, 2016, canada.ca",
        fr_href: None,
        fr_text: "Instructions ministérielles concernant le système Entrée express, du 30 mai 2015 au 18 novembre 2016, canada.ca",
    },
    SourceLink {
        en_href: "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-rounds.html",
        en_text: "Ministerial Instructions for Express Entry rounds of invitations, canada.ca",
        fr_href: None,
        fr_text: "Instructions ministérielles sur les rondes d’invitations d’Entrée express, canada.ca",
    },
];

/// Characters the engine's data sometimes leaves after an address (sentence punctuation or
/// the end of a `<…>` or `(…)`).
const TRAILING: &[char] = &['.', ';', '>', ')'];

/// `href` as [`SOURCES`] spells it: surrounding spaces, trailing punctuation and any
/// `#fragment` removed.
fn normalise(href: &str) -> &str {
    let h = href.trim().trim_end_matches(TRAILING);
    let h = h.split_once('#').map_or(h, |(page, _)| page);
    h.trim_end_matches(TRAILING)
}

/// The entry for `href`, if it is a page the engine cites.
#[must_use]
pub fn find(href: &str) -> Option<&'static SourceLink> {
    let h = normalise(href);
    SOURCES.iter().find(|s| s.en_href == h)
}

/// The link for `href` in `lang_code` ("en" or "fr"): (text, href). `None` for a page not listed.
/// Matches ignoring a trailing "." or ";" or ">" or ")" the engine's data sometimes carries, and
/// ignoring a `#fragment`.
#[must_use]
pub fn link(href: &str, lang_code: &str) -> Option<(&'static str, &'static str)> {
    let s = find(href)?;
    if lang_code.eq_ignore_ascii_case("fr") {
        Some((s.fr_text, s.fr_href.unwrap_or(s.en_href)))
    } else {
        Some((s.en_text, s.en_href))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn every_entry_is_well_formed() {
        for s in SOURCES {
            assert!(
                s.en_href.starts_with("https://www.canada.ca/en/"),
                "{}",
                s.en_href
            );
            assert!(s.en_href.ends_with(".html"), "{}", s.en_href);
            if let Some(fr) = s.fr_href {
                assert!(fr.starts_with("https://www.canada.ca/fr/"), "{fr}");
                assert!(fr.ends_with(".html"), "{fr}");
            }
            assert!(s.en_text.ends_with(", canada.ca"), "{}", s.en_text);
            assert!(s.fr_text.ends_with(", canada.ca"), "{}", s.fr_text);
            assert_ne!(s.en_text, s.fr_text);
            assert_eq!(normalise(s.en_href), s.en_href);
        }
    }

    #[test]
    fn addresses_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            for b in &SOURCES[i + 1..] {
                assert_ne!(a.en_href, b.en_href);
                assert_ne!(a.en_text, b.en_text);
                assert_ne!(a.fr_text, b.fr_text);
            }
        }
    }

    #[test]
    fn finds_an_entry_through_trailing_punctuation_and_fragments() {
        for s in SOURCES {
            for suffix in [".", ";", ">", ")", ").", "#minimum", "#minimum.", "  "] {
                let href = format!("{}{suffix}", s.en_href);
                let (text, to) = link(&href, "en").unwrap();
                assert_eq!(text, s.en_text);
                assert_eq!(to, s.en_href);
            }
        }
    }

    #[test]
    fn french_pages_get_the_french_address_when_known_and_the_english_one_otherwise() {
        let mut with_fr = 0;
        let mut without_fr = 0;
        for s in SOURCES {
            let (text, to) = link(&format!("{}.", s.en_href), "fr").unwrap();
            assert_eq!(text, s.fr_text);
            match s.fr_href {
                Some(fr) => {
                    with_fr += 1;
                    assert_eq!(to, fr);
                }
                None => {
                    without_fr += 1;
                    assert_eq!(to, s.en_href);
                }
            }
        }
        assert!(with_fr > 0 && without_fr > 0);
    }

    #[test]
    fn cec_link_says_what_it_is() {
        let cec = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html.";
        assert_eq!(
            link(cec, "en").unwrap().0,
            "Canadian Experience Class requirements, canada.ca"
        );
        assert_eq!(
            link(cec, "fr").unwrap().0,
            "Exigences de la catégorie de l’expérience canadienne, canada.ca"
        );
    }

    #[test]
    fn six_factors_page_links_its_french_page() {
        let en = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html";
        let (_, fr) = link(en, "fr").unwrap();
        assert!(fr.ends_with("/six-criteres-selection-travailleurs-qualifies-federal.html"));
    }

    #[test]
    fn unknown_pages_are_none() {
        assert!(link("https://www.canada.ca/en/services.html", "en").is_none());
        assert!(link("", "fr").is_none());
        // A parent page is not its child.
        assert!(
            link(
                "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry.html",
                "en"
            )
            .is_none()
        );
    }
}
