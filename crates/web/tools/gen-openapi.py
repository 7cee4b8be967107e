# Regenerate crates/web/openapi.json from the public contracts (shared/contracts).
# Usage: python3 crates/web/tools/gen-openapi.py [CONTRACTS_DIR] (default: ../shared/contracts beside the
# repository, else docs/contracts); then review the insta snapshot diff. Response schemas are written
# here by hand from the Rust types (crates/rules/src/{assess.rs,programs,crs,hours.rs}); see docs/output.md.
import json, re
import sys, os
HERE=os.path.dirname(os.path.abspath(__file__))
def contracts_dir():
    if len(sys.argv) > 1: return sys.argv[1]
    shared=os.path.join(HERE, '../../../../shared/contracts')
    return shared if os.path.isdir(shared) else os.path.join(HERE, '../../../docs/contracts')
C=contracts_dir().rstrip('/') + '/'
OUT=os.path.join(HERE, '../openapi.json')
def load(name, prefix):
    s=json.load(open(C+name))
    defs=s.pop('$defs',{})
    txt=json.dumps(s)
    def fix(t):
        return re.sub(r'"#/\$defs/([A-Za-z_]+)"', lambda m: '"#/components/schemas/%s%s"'%(prefix, ''.join(w.capitalize() for w in m.group(1).split('_'))), t)
    main=json.loads(fix(txt))
    for k in ['$schema','$id']: main.pop(k,None)
    out={}
    for k,v in defs.items():
        out[prefix+''.join(w.capitalize() for w in k.split('_'))]=json.loads(fix(json.dumps(v)))
    return main,out
crs_main, crs_defs = load('crs-answers.schema.json','Crs')
prof_main, prof_defs = load('profile.schema.json','Profile')
crs_main['title']='CrsAnswers'; prof_main['title']='Profile'
date={"type":"string","format":"date"}
schemas={}
schemas['CrsAnswers']=crs_main
schemas.update(crs_defs)
schemas['Profile']=prof_main
schemas.update(prof_defs)
schemas['CrsLine']={"type":"object","required":["factor","points","max","basis","source"],"properties":{
  "factor":{"type":"string","description":"Rule id, e.g. core.age."},
  "points":{"type":"integer","minimum":0},"max":{"type":"integer","minimum":0},
  "basis":{"type":"string","description":"Why, in words a candidate understands."},
  "source":{"type":"string","description":"Where the rule is published."}}}
schemas['CrsResult']={"type":"object","description":"core is section A, spouse section B, skill_transferability section C (after caps), additional section D; total is their sum. Every point awarded appears in exactly one line.",
  "required":["total","rule_set","as_of","core","spouse","skill_transferability","additional","with_spouse","lines"],"properties":{
  "total":{"type":"integer","minimum":0},"rule_set":{"type":"string","description":"Id of the effective-dated rule set applied, e.g. crs-2025-03-25."},
  "as_of":date,"core":{"type":"integer","minimum":0},"spouse":{"type":"integer","minimum":0},
  "skill_transferability":{"type":"integer","minimum":0},"additional":{"type":"integer","minimum":0},
  "with_spouse":{"type":"boolean","description":"Whether the 'with spouse' columns applied."},
  "lines":{"type":"array","items":{"$ref":"#/components/schemas/CrsLine"}},
  "notes":{"type":"array","items":{"type":"string"},"description":"Rules applied that are contested or not checked on the official page (omitted when empty)."}}}
ref=lambda n: {"$ref":"#/components/schemas/"+n}
nullable=lambda n, **kw: dict({"oneOf":[ref(n),{"type":"null"}]}, **kw)
strings=lambda d: {"type":"array","items":{"type":"string"},"description":d}
obj=lambda req, props, **kw: dict({"type":"object","required":req,"properties":props}, **kw)
noc=ref('ProfileNoc')
schemas['Source']=obj(["title","href","confidence","note"],{"title":{"type":"string"},"href":{"type":"string","format":"uri"},
  "confidence":{"type":["string","null"],"description":"Confidence grade, C1 (official) to C5 (unverified)."},
  "note":{"type":["string","null"],"description":"Why the rule is contested or not checked on the official page."}},
  description="Where a rule is published, and how sure landed is of it.")
schemas['Requirement']=obj(["id","status","detail"],{"id":{"type":"string","examples":["cec.work_experience"]},
  "status":{"enum":["met","not_met","unknown"]},"detail":{"type":"string"},"source":ref('Source')})
schemas['Program']={"enum":["cec","fsw","fst"]}
schemas['GridLine']=obj(["id","points","max","detail"],{
  "id":{"type":"string","examples":["fsw.grid.first_language"]},
  "points":{"type":"integer","minimum":0},"max":{"type":"integer","minimum":0},
  "up_to":{"type":"integer","minimum":0,"description":"The most this line could give with facts the profile does not hold (omitted when known)."},
  "detail":{"type":"string"},"source":ref('Source'),
  "items":{"type":"array","items":ref('GridLine'),"description":"Sub-items (adaptability); omitted when empty."}},
  description="One factor of the FSW selection grid.")
schemas['Grid']=obj(["total","max","pass_mark","possible","lines"],{
  "total":{"type":"integer","minimum":0},"max":{"type":"integer","minimum":0,"examples":[100]},
  "pass_mark":{"type":"integer","minimum":0,"examples":[67]},
  "possible":{"type":"integer","minimum":0,"description":"The most the total could be with facts the profile does not hold."},
  "lines":{"type":"array","items":ref('GridLine')}},
  description="The FSW selection grid: six factors out of 100, against the pass mark.")
schemas['ProgramResult']=obj(["eligible","requirements"],{
  "eligible":{"type":["boolean","null"],"description":"null when a fact needed to decide is missing."},
  "requirements":{"type":"array","items":ref('Requirement')},
  "notes":strings("Omitted when empty."),
  "grid":dict(ref('Grid'),description="FSW only: the selection grid, factor by factor.")})
schemas['Programs']=obj(["cec","fsw","fst","invited_under"],dict({k:ref('ProgramResult') for k in ["cec","fsw","fst"]},
  invited_under=nullable('Program',description="The program an invitation would be issued under when several apply (CEC, then FSW, then FST); null when none.")))
schemas['CategoryResult']=obj(["slug","title","list_verified","list_complete","confidence","eligible","requirements"],{
  "slug":{"type":"string","examples":["french"]},"title":{"type":"string"},
  "list_verified":{"type":"boolean","description":"The occupation list (or rule) was checked against the official page."},
  "list_complete":{"type":"boolean","description":"landed has the whole occupation list."},
  "confidence":{"type":"string","description":"Confidence grade of the list, C1 (official) to C5 (unverified)."},
  "list_note":{"type":"string","description":"What is known about the list's provenance (omitted when nothing)."},
  "eligible":{"type":["boolean","null"],"description":"null when a fact needed to decide is missing."},
  "requirements":{"type":"array","items":ref('Requirement')},
  "notes":strings("Omitted when empty.")},
  description="One category of category-based selection, assessed.")
schemas['CategorySelection']=obj(["results"],{
  "rules_from":dict(date,description="The first day the categories used are in force (omitted when none are)."),
  "experience_rule":{"type":"string","description":"The work-experience rule of the occupation categories, in words."},
  "source":ref('Source'),
  "results":{"type":"array","items":ref('CategoryResult')},
  "notes":strings("Omitted when empty.")},
  description="Category-based selection: each category in force on as_of.")
schemas['ContinuousRun']=obj(["from","to","hours"],{"from":date,"to":dict(date,description="Last day (inclusive)."),
  "hours":{"type":"number","minimum":0,"description":"Counted hours in the run (after the 30-hour weekly cap)."}},
  description="A stretch of work without a gap day.")
schemas['ExcludedPeriod']=obj(["job","noc","from","to","hours","reason"],{
  "job":{"type":"integer","minimum":0,"description":"Index in the profile's work_history."},"noc":noc,
  "from":date,"to":dict(date,description="Last day (inclusive)."),"hours":{"type":"number","minimum":0},
  "reason":{"enum":["not_skilled","not_eligible_occupation","self_employed","volunteer","unpaid_internship","coop","not_authorized","outside_canada","in_canada","full_time_study","above_weekly_cap"]}},
  description="A period of a job that does not count, and why.")
schemas['JobCount']=obj(["job","noc","teer","hours"],{
  "job":{"type":"integer","minimum":0,"description":"Index in the profile's work_history."},"noc":noc,
  "teer":{"type":"integer","minimum":0,"maximum":5},
  "hours":{"type":"number","minimum":0,"description":"Hours counted after the 30-hour weekly cap (shared pro rata between jobs held together)."}})
schemas['HoursTally']=obj(["window_from","window_to","hours","jobs","excluded"],{
  "window_from":date,"window_to":dict(date,description="Last day of the window (the day before as_of)."),
  "hours":{"type":"number","minimum":0},"jobs":{"type":"array","items":ref('JobCount')},
  "excluded":{"type":"array","items":ref('ExcludedPeriod')}})
schemas['ExperienceFact']=obj(["hours","years","tally"],{"hours":{"type":"number","minimum":0},
  "years":{"type":"integer","minimum":0,"description":"Whole years of full-time-equivalent experience (1,560 hours each)."},"tally":ref('HoursTally')})
schemas['OccupationHours']=obj(["noc","hours"],{"noc":noc,"hours":{"type":"number","minimum":0},
  "longest_continuous":dict(ref('ContinuousRun'),description="FSW: the longest stretch without a gap day.")})
schemas['WorkFact']=obj(["window_from","window_to","needed_hours","qualifying_hours","counted_in","occupations","excluded"],{
  "window_from":date,"window_to":dict(date,description="Last day of the window (the day before as_of)."),
  "needed_hours":{"type":"integer","minimum":0},
  "qualifying_hours":{"type":"number","minimum":0,"description":"CEC: all qualifying hours; FSW: the longest continuous period in the primary occupation; FST: the hours in the trade with the most."},
  "counted_in":{"type":"array","items":noc,"description":"The occupation(s) those hours count in."},
  "continuous":dict(ref('ContinuousRun'),description="FSW: the continuous period that counts."),
  "occupations":{"type":"array","items":ref('OccupationHours')},
  "excluded":{"type":"array","items":ref('ExcludedPeriod')}},
  description="The work experience one program counts.")
schemas['ProgramWork']=obj(["cec","fsw","fst"],{k:ref('WorkFact') for k in ["cec","fsw","fst"]})
schemas['LanguageFact']=obj(["index","language","test","test_date","valid_until","valid","used","clb","chart"],{
  "index":{"type":"integer","minimum":0,"description":"Index in the profile's language_tests."},
  "language":{"enum":["english","french"]},
  "test":{"enum":["ielts_general","celpip_general","pte_core","tef_canada","tcf_canada"]},
  "test_date":date,"valid_until":date,
  "valid":{"type":"boolean","description":"Valid on as_of (taken on or before it and less than two years old)."},
  "used":{"type":"boolean","description":"The result used for this language (the best valid one)."},
  "clb":ref('CrsLanguage'),"chart":{"type":"string","description":"Id of the conversion chart applied."},
  "notes":strings("Omitted when empty.")})
schemas['EducationFact']=obj(["crs_level","canadian_education"],{"crs_level":ref('CrsEducationLevel'),
  "canadian_education":{"enum":["none","one_or_two_year","three_year_or_longer"]},
  "notes":strings("Credentials left out and why; omitted when empty.")})
schemas['SpouseFacts']=obj(["education","canadian_experience_years"],{"education":ref('CrsEducationLevel'),
  "language":ref('CrsLanguage'),"canadian_experience_years":{"type":"integer","minimum":0}})
schemas['Facts']=obj(["age","first_official_language","language_tests","education","cec_experience","canadian_experience","foreign_experience","with_spouse","program_work"],{
  "age":{"type":"integer","minimum":0,"description":"Age in whole years on as_of."},
  "first_official_language":{"enum":["english","french",None],"description":"Declared, or the one that scores more; null without a language test."},
  "language_tests":{"type":"array","items":ref('LanguageFact')},
  "education":ref('EducationFact'),
  "cec_experience":dict(ref('ExperienceFact'),description="CEC: hours in Canada in the 3 years before as_of."),
  "cec_hours_reached_on":dict(date,description="If not yet 1,560 CEC hours: the day they are reached if current jobs continue (omitted otherwise)."),
  "canadian_experience":dict(ref('ExperienceFact'),description="CRS: skilled Canadian experience in the last 10 years."),
  "foreign_experience":dict(ref('ExperienceFact'),description="CRS: skilled foreign experience in the last 10 years, in one occupation."),
  "foreign_experience_noc":dict(noc,description="The occupation the foreign experience counts in (omitted when none)."),
  "with_spouse":{"type":"boolean"},
  "spouse":ref('SpouseFacts'),
  "program_work":dict(ref('ProgramWork'),description="Per program: the qualifying hours, the occupations they count in, and each excluded period.")},
  additionalProperties=True,description="What the engine derived from the records. Open: later versions may add facts.")
schemas['Assessment']=obj(["as_of","programs","categories","crs","crs_answers","facts"],{
  "as_of":date,
  "programs":ref('Programs'),
  "categories":ref('CategorySelection'),
  "crs":nullable('CrsResult',description="null when it cannot be computed (no valid language test)."),
  "crs_answers":nullable('CrsAnswers',description="The CRS answers derived from the profile (what the official tool would be told)."),
  "facts":ref('Facts'),
  "notes":strings("Assumptions and unsettled rules that affected this assessment; omitted when empty."),
  "outlook":dict(ref('Outlook'),description="Today's profile against past rounds of invitations (contract planning.md, Outlook); omitted when no rounds are known.")})
# Draws and outlook (contract planning.md; crates/rules/src/draws).
round_types=["general","cec","fsw","fst","pnp","french","healthcare","stem","trades","transport","agriculture","education","physicians","senior-managers","researchers","skilled-military","other"]
schemas['RoundType']={"enum":round_types,"description":"general: no program specified; cec, fsw, fst, pnp: that program; a category-based selection slug (as categories.results[].slug); other: a name not recognised (the raw name is kept)."}
schemas['ScoreRange']=obj(["from","to","count"],{"from":{"type":"integer","minimum":0},"to":{"type":"integer","minimum":0},"count":{"type":"integer","minimum":0}})
schemas['Round']=obj(["number","date","type","name","invitations","cutoff"],{
  "number":{"type":"string","description":"A string: round 91 is two rounds, 91a and 91b."},
  "date":date,
  "type":ref('RoundType'),
  "name":{"type":"string","description":"IRCC's own name of the round, as published."},
  "invitations":{"type":"integer","minimum":0},
  "cutoff":{"type":"integer","minimum":0,"maximum":1200,"description":"CRS score of the lowest-ranked candidate invited."},
  "tie_break":{"type":"string","description":"Profile submission time (UTC) of the last candidate invited, YYYY-MM-DDTHH:MM:SS; as published when it cannot be read; omitted when not published."},
  "distribution_as_of":dict(date,description="Date of the pool snapshot (omitted when no distribution)."),
  "distribution":{"type":"array","items":ref('ScoreRange'),"description":"The pool's score ranges, highest first, without subtotal rows; omitted when not published (rounds before 2022-01-19)."}})
schemas['Draws']=obj(["data_as_of","source","rounds"],{
  "data_as_of":dict(date,description="Date of the newest round in the copy in use."),
  "source":{"type":"string","description":"Where IRCC publishes the rounds."},
  "rounds":{"type":"array","items":ref('Round'),"description":"Newest first."}})
schemas['TypeOutlook']=obj(["rounds","cleared","lowest_cutoff","latest_cutoff"],{
  "rounds":{"type":"integer","minimum":0},"cleared":{"type":"integer","minimum":0},
  "lowest_cutoff":{"type":"integer","minimum":0},"latest_cutoff":{"type":"integer","minimum":0,"description":"The cutoff of the type's newest round in the window."}})
schemas['OutlookWindow']=obj(["months","rounds","eligible_rounds","cleared","by_type"],{
  "months":{"type":"integer","minimum":1},
  "since":dict(date,description="First day of the window: data_as_of minus months calendar months."),
  "rounds":{"type":"integer","minimum":0,"description":"Rounds dated since..data_as_of, inclusive."},
  "eligible_rounds":{"type":"integer","minimum":0,"description":"Those the candidate is eligible for."},
  "cleared":{"type":"integer","minimum":0,"description":"Eligible rounds whose cutoff is at most crs."},
  "by_type":{"type":"object","additionalProperties":ref('TypeOutlook'),"properties":{t:ref('TypeOutlook') for t in round_types},"description":"Only the types the candidate is eligible for."}})
schemas['Outlook']=obj(["data_as_of","crs","windows"],{
  "data_as_of":date,
  "crs":{"type":["integer","null"],"minimum":0,"description":"crs.total; null when it cannot be computed."},
  "windows":{"type":"array","items":ref('OutlookWindow'),"description":"6 and 12 months."},
  "detail":{"type":"string","description":"One sentence on the 6-month window, in the requested language."},
  "source":{"type":"string","description":"Where IRCC publishes the rounds."}})
schemas['CrsTotals']=obj(["total","rule_set","as_of","core","spouse","skill_transferability","additional"],{
  "total":{"type":"integer","minimum":0},"rule_set":{"type":"string","description":"Id of the effective-dated rule set applied, e.g. crs-2025-03-25."},
  "as_of":date,"core":{"type":"integer","minimum":0},"spouse":{"type":"integer","minimum":0},
  "skill_transferability":{"type":"integer","minimum":0},"additional":{"type":"integer","minimum":0}},
  description="detail=totals: a CRS result without its explained lines (the same names and numbers). The same in every language.")
schemas['ProgramTotals']=obj(["eligible"],{"eligible":{"type":["boolean","null"],"description":"null when a fact needed to decide is missing."}})
schemas['ProgramsTotals']=obj(["cec","fsw","fst","invited_under"],dict({k:ref('ProgramTotals') for k in ["cec","fsw","fst"]},
  invited_under=nullable('Program',description="The program an invitation would be issued under when several apply (CEC, then FSW, then FST); null when none.")))
schemas['AssessmentTotals']=obj(["as_of","programs","crs"],{
  "as_of":date,"programs":ref('ProgramsTotals'),
  "crs":nullable('CrsTotals',description="null when it cannot be computed (no valid language test).")},
  description="detail=totals: an assessment's numbers: each program's eligible, invited_under and the CRS totals, without requirements, categories or facts. The same in every language.")
schemas['NocHit']={"type":"object","required":["code","teer","title","matched_title","score","lang"],"properties":{
  "code":{"type":"string","pattern":"^[0-9]{5}$"},"teer":{"type":"integer","minimum":0,"maximum":5},
  "title":{"type":"string","description":"Unit-group title in the language of the hit."},
  "matched_title":{"type":["string","null"],"description":"The example job title that matched, if not the unit-group title."},
  "score":{"type":"number","minimum":0,"maximum":1},"lang":{"enum":["en","fr","any"]}}}
schemas['NocSearchResult']={"type":"object","required":["query","hits"],"properties":{"query":{"type":"string"},"hits":{"type":"array","items":{"$ref":"#/components/schemas/NocHit"}}}}
field_path={"type":"string","description":"Dotted path into crs-answers, e.g. first_language.speaking, second_language (a whole result), spouse.education.","examples":["first_language.speaking"]}
whatif_value={"oneOf":[{"type":"integer","minimum":0},{"type":"boolean"},{"type":"string"},ref('CrsLanguage'),{"type":"null"}],
  "description":"A value as crs-answers writes it: a CLB/NCLC level or years (integer), a flag, an education id, a whole language result, or null (none)."}
schemas['WhatIfOption']=obj(["field","from","to","crs","gain","detail","source"],{"field":field_path,"from":whatif_value,"to":whatif_value,
  "crs":{"type":"integer","minimum":0,"description":"The total with only this change."},"gain":{"type":"integer","minimum":1},
  "on":dict(date,description="Experience years: the day they are reached if current work goes on; absent when not reached within 11 years."),
  "detail":{"type":"string"},"source":{"type":"string","description":"Where the factor's points are published."}})
schemas['WhatIfChange']=obj(["field","to","from"],{"field":field_path,"to":whatif_value,"from":whatif_value,"detail":{"type":"string","description":"The change as a sentence."}})
schemas['WhatIfPlan']=obj(["changes","crs","detail"],{"changes":{"type":"array","items":ref('WhatIfChange')},
  "crs":{"type":"integer","minimum":0},"detail":{"type":"string"}},
  description="The fewest changed fields (nomination, certificate of qualification and experience years left out) that reach the target, each at the lowest value that still does.")
schemas['WhatIf']=obj(["as_of","crs","options","target","target_basis","plan"],{"as_of":date,"crs":{"type":"integer","minimum":0},
  "options":{"type":"array","items":ref('WhatIfOption'),"description":"Every higher value of every field that changes the total on its own, by gain (largest first; ties in field order, then lowest value first)."},
  "target":{"type":["integer","null"],"minimum":1,"maximum":1200},"target_basis":{"type":["string","null"]},
  "plan":nullable('WhatIfPlan',description="null when there is no target, the target is met, or it cannot be reached."),
  "plan_note":{"type":"string","description":"Why there is no plan (target met, or out of reach); absent otherwise."}},
  description="What raises the CRS score (contract planning.md, What-if).")
schemas['Error']={"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["field","message"],"properties":{
  "field":{"type":"string","description":"Dotted path of the offending input field, e.g. work_history[1].hours_per_week; empty when the body as a whole is wrong."},
  "message":{"type":"string"}}}}}
# Timeline (docs/contracts/planning.md; crates/rules/src/planning/timeline.rs).
schemas['TimelineEvent']=obj(["date","kind","detail"],{"date":date,
  "kind":{"enum":["cec_hours_reached","eligibility_starts","eligibility_ends","crs_change","language_test_expires","eca_expires","permit_ends","profile_expires","application_due"]},
  "program":ref('Program'),"test_index":{"type":"integer","minimum":0},
  "credential_index":{"type":"integer","minimum":0,"description":"eca_expires: the index in education (in spouse.education when spouse is true)."},
  "spouse":{"type":"boolean"},"permit_index":{"type":"integer","minimum":0},
  "crs_before":{"type":["integer","null"],"description":"crs_change: the total the day before; null when the CRS cannot be computed that day."},
  "crs_after":{"type":["integer","null"]},
  "factors":{"type":"array","items":{"type":"string"},"description":"crs_change: ids of the CRS lines whose points changed (empty when either side is null)."},
  "warning":{"type":"boolean","description":"permit_ends: not eligible for any program on the permit's last day."},
  "detail":{"type":"string"},"source":ref('Source')},
  description="A change, dated on the first day it holds, or a deadline, dated on its own day.")
schemas['Timeline']=obj(["as_of","until","jobs_end","events"],{"as_of":date,"until":date,
  "jobs_end":{"type":["string","null"],"format":"date"},
  "events":{"type":"array","items":ref('TimelineEvent'),"description":"Sorted by date, then kind, then index."}})
err=lambda d: {"description":d,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}
out_lang=[{"name":"lang","in":"query","required":False,"schema":{"enum":["en","fr"]},"description":"Language of the explanations (basis, detail, notes). Without it, the first of English or French in Accept-Language, else English. Field names, ids and codes never change; rule sources name English documents."},
  {"name":"Accept-Language","in":"header","required":False,"schema":{"type":"string"},"description":"Used when lang is absent, e.g. fr-CA,fr;q=0.9"}]
detail_param={"name":"detail","in":"query","required":False,"schema":{"enum":["full","totals"],"default":"full"},"description":"full: the whole result with its explanations (the contract's output). totals: the numbers only (CrsTotals, AssessmentTotals), for batches and spreadsheets; the same in every language."}
lang_headers={"Content-Language":{"description":"Language of the explanations: en or fr","schema":{"enum":["en","fr"]}}}
doc={"openapi":"3.1.0","info":{"title":"landed API","version":"1.0.0","description":"Canadian Express Entry rules as a service: CRS scores, full assessments (CEC eligibility with reasons and sources), what-if plans and NOC 2021 search. Results use the rules in force on the input's as_of date (default: today). No authentication; nothing is stored.","license":{"name":"MIT","identifier":"MIT"}},
 "servers":[{"url":"/"}],
 "paths":{
  "/api/v1/crs":{"post":{"operationId":"scoreCrs","summary":"Score CRS answers","parameters":out_lang+[detail_param],"requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CrsAnswers"}}}},
     "responses":{"200":{"description":"The CRS result (CrsTotals with detail=totals)","headers":lang_headers,"content":{"application/json":{"schema":{"oneOf":[ref('CrsResult'),ref('CrsTotals')]}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The answers are malformed or out of range, or lang is not en or fr, or detail is not full or totals")}}},
  "/api/v1/assess":{"post":{"operationId":"assessProfile","summary":"Assess a full profile","parameters":out_lang+[detail_param],"requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Profile"}}}},
     "responses":{"200":{"description":"The assessment (AssessmentTotals with detail=totals)","headers":lang_headers,"content":{"application/json":{"schema":{"oneOf":[ref('Assessment'),ref('AssessmentTotals')]}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The profile is malformed or inconsistent, or lang is not en or fr, or detail is not full or totals")}}},
  "/api/v1/whatif":{"post":{"operationId":"whatIf","summary":"What raises a profile's CRS score, and the fewest changes reaching a target","parameters":[{"name":"target","in":"query","required":False,"schema":{"type":"integer","minimum":1,"maximum":1200},"description":"The CRS score to reach. Without it, target and plan are null."}]+out_lang,"requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Profile"}}}},
     "responses":{"200":{"description":"The what-if result","headers":lang_headers,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/WhatIf"}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The profile is malformed or has no valid language test, target is not from 1 to 1200, or lang is not en or fr")}}},
  "/api/v1/noc/search":{"get":{"operationId":"searchNoc","summary":"Find NOC 2021 unit groups by job title or code",
     "parameters":[{"name":"q","in":"query","required":True,"schema":{"type":"string","minLength":1,"maxLength":200},"description":"Job title words or (part of) a NOC code"},
       {"name":"lang","in":"query","required":False,"schema":{"enum":["en","fr","any"],"default":"any"},"description":"Which titles to search"},
       {"name":"limit","in":"query","required":False,"schema":{"type":"integer","minimum":1,"maximum":50,"default":10}}],
     "responses":{"200":{"description":"Hits in rank order","content":{"application/json":{"schema":{"$ref":"#/components/schemas/NocSearchResult"}}}},"422":err("Missing or invalid parameter")}}},
  "/api/v1/draws":{"get":{"operationId":"listDraws","summary":"Express Entry rounds of invitations, newest first",
     "parameters":[{"name":"type","in":"query","required":False,"explode":True,"schema":{"type":"array","items":ref('RoundType')},"description":"Only rounds of these types (repeat the parameter, or separate with commas)"},
       {"name":"since","in":"query","required":False,"schema":date,"description":"Only rounds on or after this date"},
       {"name":"until","in":"query","required":False,"schema":date,"description":"Only rounds on or before this date"}],
     "responses":{"200":{"description":"The rounds in use (embedded, or a newer validated copy)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Draws"}}}},"422":err("An unknown round type, a date that is not YYYY-MM-DD, or an unknown parameter (field names it)")}}},
  "/api/v1/timeline":{"post":{"operationId":"timeline","summary":"What changes ahead for a profile, dated","parameters":out_lang+[
       {"name":"until","in":"query","required":False,"schema":{"type":"string","format":"date"},"description":"Last day looked at; default as_of + 5 years (at most 20 years)."},
       {"name":"jobs_end","in":"query","required":False,"schema":{"type":"string","format":"date"},"description":"Scenario: every job without an end, or ending later, ends on this day (not before as_of)."}],
     "requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Profile"}}}},
     "responses":{"200":{"description":"The timeline","headers":lang_headers,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Timeline"}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The profile or a parameter (until, jobs_end, lang) is invalid")}}},
  "/api/openapi.json":{"get":{"operationId":"openapi","summary":"This document","responses":{"200":{"description":"The OpenAPI document","content":{"application/json":{"schema":{"type":"object"}}}}}}}
 },
 "components":{"schemas":schemas}}
json.dump(doc, open(OUT,'w'), indent=2, ensure_ascii=False)
open(OUT,'a').write('\n')
