# Regenerate crates/web/openapi.json from the public contracts (shared/contracts).
# Usage: python3 crates/web/tools/gen-openapi.py [CONTRACTS_DIR]; then review the insta snapshot diff.
import json, re
import sys, os
C=(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../../shared/contracts')).rstrip('/') + '/'
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '../openapi.json')
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
schemas['Source']={"type":"object","required":["title","href"],"properties":{"title":{"type":"string"},"href":{"type":"string","format":"uri"},
  "confidence":{"type":["string","null"],"description":"Confidence grade, C1 (official) to C5 (unverified)."},"note":{"type":["string","null"]}}}
schemas['Requirement']={"type":"object","required":["id","status","detail"],"properties":{"id":{"type":"string","examples":["cec.work_experience"]},
  "status":{"enum":["met","not_met","unknown"]},"detail":{"type":"string"},"source":{"$ref":"#/components/schemas/Source"}}}
schemas['ProgramResult']={"type":"object","required":["eligible","requirements"],"properties":{
  "eligible":{"type":["boolean","null"],"description":"null when a fact needed to decide is missing."},
  "requirements":{"type":"array","items":{"$ref":"#/components/schemas/Requirement"}},
  "notes":{"type":"array","items":{"type":"string"},"description":"Omitted when empty."}}}
schemas['Assessment']={"type":"object","required":["as_of","programs","crs","crs_answers","facts"],"properties":{
  "as_of":date,
  "programs":{"type":"object","required":["cec","fsw","fst"],"properties":{k:{"$ref":"#/components/schemas/ProgramResult"} for k in ["cec","fsw","fst"]}},
  "crs":{"oneOf":[{"$ref":"#/components/schemas/CrsResult"},{"type":"null"}],"description":"null when it cannot be computed."},
  "crs_answers":{"oneOf":[{"$ref":"#/components/schemas/CrsAnswers"},{"type":"null"}],"description":"The CRS answers derived from the profile."},
  "facts":{"type":"object","additionalProperties":True,"description":"Derived facts: age, first_official_language, language_tests (CLB/NCLC by ability, validity), education, cec_experience / canadian_experience / foreign_experience (hours, years and the tally by window with excluded periods), cec_hours_reached_on, with_spouse, spouse."},
  "notes":{"type":"array","items":{"type":"string"},"description":"Omitted when empty."}}}
schemas['NocHit']={"type":"object","required":["code","teer","title","matched_title","score","lang"],"properties":{
  "code":{"type":"string","pattern":"^[0-9]{5}$"},"teer":{"type":"integer","minimum":0,"maximum":5},
  "title":{"type":"string","description":"Unit-group title in the language of the hit."},
  "matched_title":{"type":["string","null"],"description":"The example job title that matched, if not the unit-group title."},
  "score":{"type":"number","minimum":0,"maximum":1},"lang":{"enum":["en","fr","any"]}}}
schemas['NocSearchResult']={"type":"object","required":["query","hits"],"properties":{"query":{"type":"string"},"hits":{"type":"array","items":{"$ref":"#/components/schemas/NocHit"}}}}
schemas['Error']={"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["field","message"],"properties":{
  "field":{"type":"string","description":"Dotted path of the offending input field, e.g. work_history[1].hours_per_week; empty when the body as a whole is wrong."},
  "message":{"type":"string"}}}}}
err=lambda d: {"description":d,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}
doc={"openapi":"3.1.0","info":{"title":"landed API","version":"1.0.0","description":"Canadian Express Entry rules as a service: CRS scores, full assessments (CEC eligibility with reasons and sources) and NOC 2021 search. Results use the rules in force on the input's as_of date (default: today). No authentication; nothing is stored.","license":{"name":"MIT","identifier":"MIT"}},
 "servers":[{"url":"/"}],
 "paths":{
  "/api/v1/crs":{"post":{"operationId":"scoreCrs","summary":"Score CRS answers","requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CrsAnswers"}}}},
     "responses":{"200":{"description":"The CRS result","content":{"application/json":{"schema":{"$ref":"#/components/schemas/CrsResult"}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The answers are malformed or out of range")}}},
  "/api/v1/assess":{"post":{"operationId":"assessProfile","summary":"Assess a full profile","requestBody":{"required":True,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Profile"}}}},
     "responses":{"200":{"description":"The assessment","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Assessment"}}}},
       "400":err("The body is not UTF-8 text"),"413":{"description":"The body is too large"},"422":err("The profile is malformed or inconsistent")}}},
  "/api/v1/noc/search":{"get":{"operationId":"searchNoc","summary":"Find NOC 2021 unit groups by job title or code",
     "parameters":[{"name":"q","in":"query","required":True,"schema":{"type":"string","minLength":1,"maxLength":200},"description":"Job title words or (part of) a NOC code"},
       {"name":"lang","in":"query","required":False,"schema":{"enum":["en","fr","any"],"default":"any"},"description":"Which titles to search"},
       {"name":"limit","in":"query","required":False,"schema":{"type":"integer","minimum":1,"maximum":50,"default":10}}],
     "responses":{"200":{"description":"Hits in rank order","content":{"application/json":{"schema":{"$ref":"#/components/schemas/NocSearchResult"}}}},"422":err("Missing or invalid parameter")}}},
  "/api/openapi.json":{"get":{"operationId":"openapi","summary":"This document","responses":{"200":{"description":"The OpenAPI document","content":{"application/json":{"schema":{"type":"object"}}}}}}}
 },
 "components":{"schemas":schemas}}
json.dump(doc, open(OUT,'w'), indent=2, ensure_ascii=False)
open(OUT,'a').write('\n')
