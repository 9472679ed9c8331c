"""Seniority of a connection, from the job title in `Connections.csv` (`Position`).

The SSI's "people" pillar rewards connecting with decision makers, and the export gives
only a free-text title (often a headline: "Founder & CEO @ Acme | Speaker"), so a title is
sorted into one class in four steps:

1. Accents and full-width letters are folded ("Président" reads as "President", "ＣＥＯ" as
   "CEO"), the case is lowered and spaces are single; a title with no letter or digit, or a
   placeholder such as "n/a", is `unknown`, and one without any rule's keyword is `other`
   (most titles, so 30,000 titles take a fraction of a second).
2. The title is cut into parts at "|", "•", "·", ";" and a spaced dash ("CEO - Acme").
3. EXCLUSIONS remove what names someone who is not the decision maker: the assistant *to*
   the CEO, the product owner, the HR business partner, the former CEO, the intern. Each
   removes only its own part of the title, so "Founder | Executive Assistant to CEOs" is
   still a founder and "CEO at X | Former VP at Y" still a CEO.
4. RULES: the first rule that matches what is left decides. The order is the precedence: a
   "Founder & CEO" is C-suite, a "VP, Head of Sales" is a VP.

Choices where usage varies (tests/fixtures/titles/job_titles.csv labels about a thousand
titles, a third not in English, this way):
Associate and Assistant Director are directors; General Manager (and Gerente General,
Genel Müdür, 总经理) is a director, Geschäftsführer too (= Managing Director); Director
General, Directeur général, Генеральный директор are C-suite; Country Manager is a head,
Regional Manager and Kierownik are not; "Business Owner" is an owner (on LinkedIn, a small
business); Vice Chairman is a VP; advisory-board members and Editor-in-Chief are not C-suite.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN = (
    "c_suite", "vp", "owner", "director", "head", "other", "unknown")
CLASSES = (C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN)
DECISION_MAKERS = frozenset({C_SUITE, VP, OWNER, DIRECTOR, HEAD})

# What may stand between a title's words: "Partner, Example LLP", "Partner @ Example",
# "Founder & Partner", "Head: Sales"; parts (see _PARTS) are rejoined with " | ".
_SEP = r"(?:[,;:|/@()&+–—]|\s-\s)"
# Where a title breaks into parts that are read separately.
_PARTS = re.compile(r"\s*(?:[|•·;]|\s[-–—]\s)\s*")
# Titles that say there is no title.
_PLACEHOLDERS = frozenset({"n/a", "na", "none", "null", "nil", "tbd", "tba", "unknown"})

# Business functions, for "Head Sales" (an Indian usage) and "Sales Head".
_FUNCTIONS = (r"(?:sales|marketing|hr|human\s+resources|finance|it|operations|business|product"
              r"|engineering|technology|legal|procurement|purchasing|strategy|growth|digital|data"
              r"|customer\s+\w+|partnerships|corporate|risk|compliance|talent|people|supply\s+chain"
              r"|logistics|treasury|tax|r&d|research|design|communications|brand|commercial"
              r"|retail|e-?commerce|analytics|security|infrastructure|admin\w*|accounts|credit"
              r"|training|quality|projects?)")
# Who is served or advised ("assistant TO the CEO") and how a title says so.
_SUPPORT = (r"(?:assistant|assistante|asistente|assistente|secretary|secr[eé]taire|secret[aá]ri[ao]"
            r"|aide|pa|ea|advis[oe]r|conseill[eè]re?|consultant|coordinator|liaison|associate"
            r"|analyst|recruiter|business\s+manager|office\s+manager|staff\s+officer|helper)")
_TO = r"(?:to|for|of|de|du|des|da|do|di|del|della|dell['’]|der|dem|ao|à|al)"
_EXECUTIVE = (r"(?:ceo|cfo|coo|cto|cmo|cro|cio|president|chair(?:man|woman)?|founder|director"
              r"|md|managing\s+director|general\s+manager|gm|vp|owner|partner|board|executive)")

# Where an exclusion's reach ends (see EXCLUSIONS): PART = the whole part of the title,
# REST = from the match to the next comma or bracket, WORDS = the matched words only.
PART, REST, WORDS = "part", "rest", "words"

# (reach, keywords, pattern, why). Applied in this order to each part of the title, before
# RULES. Keywords, separated by ", ": text that every match of the pattern contains (lower
# case, accents allowed, titles have single spaces); the pattern runs only where one is, which
# keeps 30,000 titles quick, as a search for plain text is many times faster than a pattern.
EXCLUSIONS: tuple[tuple[str, str, str, str], ...] = (
    (REST, "assist, asist, secr, aide, pa, ea, advis, conseill, consultant, coordinator, "
     "liaison, associate, analyst, recruiter, manager, staff officer, helper, report",
     rf"\b(?:(?:executive|personal|administrative|private|special|senior|virtual)\s+)*"
     rf"{_SUPPORT}(?:\s+(?:executiv[aeo]|ejecutiv[ao]|ex[eé]cutive?|bilingue|personal))?"
     rf"\s+{_TO}\b|\breport(?:ing|s)?\s+(?:directly\s+)?to\b",
     "works for an executive: Executive Assistant to the CEO, Advisor to the Board, "
     "Assistante de direction, Secretária da Presidência, ... reporting to the CEO"),
    (REST, "hiring, recruiting, placing, sourcing, headhunting",
     r"\b(?:hiring|recruiting|placing|sourcing|headhunting)\s+(?:for\s+)?",
     "recruits executives: Recruiter hiring for CFO roles"),
    (REST, "assistant, secretary, associate, aide, office, support",
     rf"\b{_EXECUTIVE}(?:['’]s|s['’]|s)?\s+(?:executive\s+|personal\s+)?"
     r"(?:assistant|secretary|associate|aide|office|support)\b",
     "an executive's helper or office: Director's Assistant, Founder's Associate, CEO Office"),
    (REST, "assistant, secretary",
     r"\b(?:executive|personal|administrative|virtual|private|management)\s+"
     r"(?:assistant|secretary)\b",
     "Executive Assistant, Personal Assistant, even without 'to the CEO'"),
    (REST, "assistent, assistenz, sekretär, referent",
     r"\b\w*(?:assistent|assistenz|sekretär|referent)\w*",
     "German and Dutch assistants: Assistentin der Geschäftsführung, Vorstandsassistentin"),
    (REST, "asystent, sekretar, помощни, ассистент, секретар, референт",
     r"\b(?:asystent|sekretar|помощни|ассистент|секретар|референт)\w*",
     "Polish and Russian assistants: Asystentka Prezesa, Помощник директора"),
    (WORDS, "秘書, 秘书, 助理, 補佐, アシスタント",
     r"\w*(?:秘書|秘书|助理|補佐|アシスタント)",
     "CJK secretaries and assistants: 社長秘書, 部長補佐, 总经理助理"),
    (REST, "chief of staff",
     r"\b(?:deputy\s+)?chief\s+of\s+staff\b",
     "a chief of staff supports an executive"),
    (REST, "office of the",
     r"\boffice\s+of\s+the\b",
     "works in the Office of the CEO (a Director, Office of the CFO keeps 'Director')"),
    (PART, "intern, trainee, apprentice, werkstudent, praktikant, auszubildend, azubi, "
     "stagiaire, alternant, estagiári, becari, pasante, tirocinante, stagista, "
     "stazyst, stażyst, praktykant, стаж, практикант, インターン, 实习生, 實習生",
     r"(?<!\bof\s)(?<!\bfor\s)\b(?:intern|trainee|apprentice|werkstudent(?:in)?"
     r"|praktikant(?:in)?|auszubildende[rn]?|azubi|stagiaire|alternante?|estagi[aá]ri[oa]"
     r"|becari[oa]|pasante|tirocinante|stagista|sta[zż]yst\w*|praktykant\w*|стаж[её]р\w*"
     r"|практикант\w*)\b|インターン|实习生|實習生",
     "an intern, trainee or apprentice, also 'CEO Intern' (not 'Head of Internships')"),
    (PART, "student, студент",
     r"\bstudent\b(?=\s*(?:$|[,;@(]|(?:at|in|of)\b|(?:union|council|government"
     r"|association|body|society|club|senate|ambassador|rep\w*|president|leader)\b))"
     r"|\b(?:mba|phd|master['’]?s|bachelor['’]?s|graduate|undergraduate|doctoral|law"
     r"|medical|exchange|university|college|working)\s+student\b|\bстудент\w*",
     "a student, also a student-union president (not 'Head of Student Services')"),
    (PART, "retired, former, ex, ehemalig, ancien",
     r"\(\s*(?:retired|former|ex|ehemalig|ancien(?:ne)?)\s*\)",
     "not in the role now: Director (Retired)"),
    (REST, "former, retired, past, previous, future, aspiring, wannabe, seeking, "
     "looking for, open to, ancien, ehemalig, antigu, ex",
     r"\b(?:former(?:ly)?|retired|past|previously|future|aspiring|wannabe|seeking"
     r"|looking\s+for|open\s+to|ancien(?:ne)?|ehemalige[rn]?|antigu[oa])\b|\bex(?=[-\s.])",
     "not in the role now: Former CEO, ex-CFO, Aspiring Director, Open to Director roles"),
    (WORDS, "owner",
     r"\b(?:product|process|service|data|system|platform|application|solution|technical"
     r"|content|risk|control|feature|asset|account|epic|domain|capability|release|test"
     r"|quality|change|incident|problem|program|programme|value\s+stream|component)"
     r"\s+owner\b|\bowner['’]?s\s+(?:rep\w*|engineer|agent|project\s+manager)\b",
     "owns a product or process, not a business: Product Owner, Process Owner"),
    (WORDS, "partner, hrbp",
     r"\b(?:hr|human\s+resources|people|talent(?:\s+acquisition)?|recruit(?:ment|ing)"
     r"|learning(?:\s+(?:&|and)\s+development)?|l&d|finance|financial|it|business"
     r"|technology|tech|alliances?|channel|client|customer(?:\s+success)?|delivery"
     r"|implementation|solutions?|growth|sales|commercial|marketing|reseller|referral"
     r"|integration|ecosystem|community|training|transformation|strategic|independent"
     r"|affiliate|distribution|service|support)\s+(?:business\s+)?partner\b|\bhrbp\b",
     "partner as a support function: HR Business Partner, Talent Partner, Client Partner"),
    (WORDS, "partner",
     r"\bpartner\s+(?:manager|management|success|marketing|account|sales|development"
     r"|engineer\w*|enablement|solutions?|programs?|operations|relations|alliances?"
     r"|ecosystem|channel|experience|support|lead|specialist|executive|integrations?"
     r"|onboarding|network|recruit\w*|coordinator|technology|training|strategy|architect)"
     r"\b",
     "works with partner companies: Partner Manager, Partner Success Lead"),
    (WORDS, "headhunt, head-hunt, head hunt, head office",
     r"\bhead[- ]?hunt\w*|\bhead\s+office\b",
     "a headhunter, the head office"),
    (WORDS, "director",
     r"\b(?:art|film|movie|casting|music|musical|funeral|stage|theatre|theater|choir"
     r"|video|animation|dance|photography|activity|activities)\s+director\b"
     r"|\bdirector\s+of\s+(?:photography|first\s+impressions)\b",
     "director as a craft or a nickname, not a management rank: Art Director, Funeral "
     "Director, a care home's Activities Director, Director of First Impressions"),
    (WORDS, "chief",
     r"\bchief\s+(?:petty|warrant|master|resident|mate|steward)\b",
     "military and medical ranks: Chief Petty Officer, Chief Resident"),
    (WORDS, "president's club, president’s club, presidents club",
     r"\bpresident['’]?s\s+club\b",
     "President's Club is a sales award"),
    (WORDS, "coach, mentor, whisperer, peer group, forum",
     r"\b(?:ceo|cfo|cto|executive|founder|leadership|c-suite|c-level)s?\s+"
     r"(?:coach\w*|mentor\w*|whisperer|peer\s+group|forum)\b",
     "coaches executives: CEO Coach"),
    (WORDS, "advisory board, board advis, board observer",
     r"\badvisory\s+board(?:\s+member)?\b|\bboard\s+(?:advis[oe]r|observer)\b",
     "advises a board, does not decide"),
    (WORDS, "in residence",
     r"\bentrepreneur\s+in\s+residence\b",
     "Entrepreneur in Residence: a temporary role at a venture firm"),
)

# (class, keywords, pattern, why). Checked in this order on what the exclusions left; the
# first match wins. Keywords as for EXCLUSIONS: a title holding none of any rule's is "other"
# at once, which is most titles.
RULES: tuple[tuple[str, str, str, str], ...] = (
    (HEAD, "editor",
     r"\beditor[- ]in[- ]chief\b",
     "Editor-in-Chief runs a publication: a head (before 'chief' below)"),
    (C_SUITE, "chief",
     r"\bchief\b",
     "Chief Executive/Revenue/... Officer"),
    (C_SUITE, "ceo, cfo, coo, cto, cio, cmo, cro, cpo, ciso, cdo, cco, chro, cso, cxo, cao,"
     " clo, cgo",
     r"(?<![a-z])(?:ceo|cfo|coo|cto|cio|cmo|cro|cpo|ciso|cdo|cco|chro|cso|cxo|cao|clo"
     r"|cgo)(?![a-z])",
     "the C-suite abbreviations, also in Co-CEO, CEO/Founder, 取締役CTO; not the plural CEOs"),
    (C_SUITE, "president, präsident, prezes, президент",
     r"(?<!vice )(?<!vice-)(?<!vize )(?<!vize-)(?<!вице )(?<!вице-)"
     r"\b(?:president[ea]?|präsident(?:in)?|prezes|президент)\b",
     "President, Président(e), Presidente, Präsident, Prezes, Президент; not Vice President"),
    (C_SUITE, "chair, conselho, председател",
     r"(?<!vice )(?<!vice-)\bchair(?:man|woman|person)\b|\bchair\s+of\s+the\s+board\b"
     r"|\b(?:board|executive|non-executive|independent)\s+chair\b|(?:^|\|\s*)chair(?=\s*$|\s*\|)"
     r"|\bpresidente\s+do\s+conselho\b|\bпредседател\w*",
     "Chairman, Chairwoman, Chair of the Board, Executive Chair, Председатель"),
    (C_SUITE, "yönetim",
     r"\byönetim\s+kurulu\s+başkan\w*",
     "Turkish chairman of the board"),
    (C_SUITE, "general, geral, naczelny, pdg, algemeen, генеральн, гендиректор",
     r"\b(?:director[ae]?|directeur|directrice|diretor[a]?|direttore|direttrice"
     r"|dyrektor|direktor)[- ]+(?:general[ea]?|geral|generalny|generalna|naczelny)\b"
     r"|\bgeneral\s+director\b|\bgeneraldirektor(?:in)?\b|\bpdg\b"
     r"|\balgemeen\s+directeur\b|\bгенеральн\w*\s+директор\w*|\bгендиректор\w*",
     "Director General, Directeur général, Dyrektor generalny, Генеральный директор: the "
     "chief executive"),
    (C_SUITE, "vorstand",
     r"\bvorstand\w*",
     "Vorstand: the German executive board"),
    (C_SUITE, "amministratore, consejer, direkt, vd, toimitusjohtaja, daglig",
     r"\bamministratore\s+(?:delegato|unico)\b|\bconsejer[oa]\s+delegad[oa]\b"
     r"|\b(?:verkställande|administrerende)\s+direkt(?:ör|ør)\b|\bvd\b"
     r"|\btoimitusjohtaja\b|\bdaglig\s+leder\b",
     "the chief executive in Italian, Spanish, Swedish, Norwegian and Finnish"),
    (C_SUITE, "代表取締役, 社長, 会長, 首席, 董事长, 董事長, 总裁, 總裁, 대표이사, 사장, الرئيس",
     r"代表取締役|(?<!副)社長|(?<!副)会長|首席|董事长|董事長|(?<!副)总裁|(?<!副)總裁"
     r"|대표이사|(?<!부)사장|الرئيس\s+التنفيذي",
     "Japanese, Chinese, Korean and Arabic presidents, chairmen and chief executives"),
    (VP, "vp, v.",
     r"(?<![a-z])(?:vp|svp|evp|avp|gvp|rvp)(?![a-z])|\bv\.\s?p\.",
     "VP, V.P. and the senior, executive, assistant, group and regional forms; not VPs"),
    (VP, "vice, vize, wiceprezes, вице",
     r"\bvice[- ]?presid\w*|\bvize[- ]?präsident\w*|\bwiceprezes\w*|\bвице-?\s?президент\w*",
     "Vice President spelled out, with or without a hyphen, in five languages"),
    (VP, "vice",
     r"\bvice[- ]?chair\w*",
     "Vice Chair(man): second on a board"),
    (VP, "副社長, 執行役員, 副总裁, 副總裁, 부사장",
     r"副社長|執行役員|副总裁|副總裁|부사장",
     "Japanese, Chinese and Korean vice presidents and executive officers"),
    (OWNER, "founder, fondat, fundador, oprichter, grundare, kurucu, gründer, gruender, "
     "założyciel, основател",
     r"\b(?:co-?)?(?:founder|fondat(?:eur|rice|ore)|fundador[a]?|oprichter|grundare"
     r"|kurucu)\b|\b(?:co-|mit|mitbe)?(?:gründer|gruender)(?:in)?\b|\bmedeoprichter\b"
     r"|\b(?:współ)?założyciel\w*|\b(?:со)?основател\w*",
     "Founder, Co-founder, Cofounder, Fondateur, Fundador, Gründer, Założyciel, Основатель"),
    (OWNER, "创始人, 創始人, 創辦人, 创办人, 創業者, 創設者, オーナー, مؤسس",
     r"创始人|創始人|創辦人|创办人|創業者|創設者|オーナー|(?:\bال|\b)مؤسس\b",
     "Chinese, Japanese and Arabic founders and owners"),
    (OWNER, "owner, proprietor, franchisee",
     r"\b(?:co-?)?owner\b|\bproprietor\b|\bfranchisee\b",
     "Owner, Business Owner, Co-Owner, Proprietor, Franchisee"),
    (OWNER, "propriétaire, proprietari, propietari, dueñ, titolare, eigenaar, ägare, "
     "właściciel, inhaber, eigentümer, владел",
     r"\b(?:propriétaire|proprietári[oa]|propietari[oa]|proprietari[oa]|dueñ[oa]"
     r"|titolare|(?:mede-)?eigenaar|(?:del)?ägare|(?:współ)?właściciel\w*"
     r"|(?:mit|geschäfts|firmen)?inhaber(?:in)?|eigentümer(?:in)?|(?:со)?владел\w*)\b",
     "the owner in French, Portuguese, Spanish, Italian, Dutch, Swedish, Polish, German, "
     "Russian"),
    (OWNER, "entrepreneur, unternehmer, empres",
     r"\b(?:serial\s+)?entrepreneur\b|\bunternehmer(?:in)?\b|\bempres[aá]ri[oa]\b",
     "an entrepreneur runs their own business"),
    (OWNER, "gérant, chef, dirigeant, собственник, предпринимател, ип",
     r"\bgérante?\b|\bchef\s+d['’]entreprise\b|\bdirigeante?\b|\bсобственник\w*"
     r"|\bпредпринимател\w*|\bип\b",
     "French gérant(e), chef d'entreprise, dirigeant (runs their own company); Russian "
     "собственник, (индивидуальный) предприниматель / ИП"),
    (OWNER, "partner",
     rf"(?:^|{_SEP}\s*|\b(?:managing|senior|founding|general|equity|associate|junior"
     rf"|salaried|name|venture|operating|investment|audit|tax|advisory|firm)\s+)partner"
     rf"(?=\s*$|\s*{_SEP}|\s+(?:at|of|in|and|with|en|bei|chez)\b)",
     "Partner as a rank (alone, Managing/Senior/Founding/Associate/Equity Partner), not the "
     "partner in Partner Manager or HR Business Partner (see EXCLUSIONS)"),
    (OWNER, "associé, soci, gesellschafter, teilhaber, vennoot, wspólnik, партн, 合伙人, 合夥人",
     r"\bassociée?\b|\bsóci[oa]\b(?!-?(?:econ|cult|pol|emoc|ambient))"
     r"|\bgesellschafter(?:in)?\b|\bteilhaber(?:in)?\b|\bvennoot\b|\bwspólnik\w*"
     r"|\bуправляющ\w*\s+партн[её]р\w*|(?:^|\|\s*)партн[её]р\b(?!\s+по\b)|合伙人|合夥人",
     "partner in French, Portuguese/Spanish, German, Dutch, Polish, Russian, Chinese"),
    (DIRECTOR, "dir, dyrektor, ředitel, igazgató, zaakvoerder, bestuurder, direkt, директор",
     r"\b(?:director[ae]?|directeur|directrice|diretor[a]?|direttore|direttrice"
     r"|dyrektor(?:ka)?|ředitel(?:ka)?|igazgató|dir|zaakvoerder|bestuurder)\b"
     r"|\w*direkt(?:or|ør|ör)(?:in)?\b|\bдиректор\w*",
     "Director, Managing Director, Directeur, Diretora, Dyrektor, Директор, (Salgs)direktør, "
     "Zaakvoerder; not the plural in 'placing VPs and Directors'"),
    (DIRECTOR, "md",
     r"(?:^|\|\s*)md(?=\s*$|\s*[,&|@(/]|\s+(?:at|of)\b)",
     "MD at the start: Managing Director (a doctor's MD follows the name or a comma)"),
    (DIRECTOR, "board, non-exec, nonexec, aufsichtsrat, yönetim, członek, conseil, "
     "取締役, 董事, 이사",
     r"\bboard\s+(?:member|director|of\s+(?:trustees|governors))\b"
     r"|\bboard\s+of\s+directors\b|\bmember\s+of\s+the\s+(?:\w+\s+)?board\b"
     r"|\bnon-?executive\b|\baufsichtsrat\w*|\byönetim\s+kurulu\s+üyesi\b"
     r"|\bczłonek\s+zarządu\b|\bconseil\s+d['’]administration\b|取締役|董事|\b이사\b",
     "a board member: Board Member, Board of Directors, Non-Executive, Aufsichtsrat, Członek "
     "Zarządu, Yönetim Kurulu Üyesi, 取締役"),
    (DIRECTOR, "geschäfts, geschaefts",
     r"\w*geschäftsführer(?:in)?\b|\bgeschaeftsfuehrer(?:in)?\b"
     r"|\bgeschäfts(?:führung|leitung)\b",
     "Geschäftsführer(in): the German Managing Director"),
    (DIRECTOR, "general, gm, gerente, genel, مدير, 总经理, 總經理, 总监, 總監",
     r"\bgeneral\s+manager\b|(?:^|\|\s*)gm\b|\bgerente[- ]+(?:general|geral)\b"
     r"|\bgenel\s+müdür\w*|(?:ال)?مدير\s+(?:ال)?عام|总经理|總經理|总监|總監",
     "General Manager, GM (at the start, not General Motors), Gerente General, Genel Müdür, "
     "مدير عام, 总经理; 总监 = director"),
    (HEAD, "head",
     r"\bhead\s+of\b",
     "Head of Sales, Global Head of ..., Deputy Head of ..."),
    (HEAD, "head",
     rf"\b(?:country|regional|region|deputy|department|dept|division|divisional|practice"
     rf"|group|global|unit|area|cluster|zonal|zone|vertical|category|segment|function"
     rf"|functional|section|{_FUNCTIONS})\s+head\b",
     "Country Head, Regional Head, Deputy Head, Sales Head, Business Head"),
    (HEAD, "head",
     rf"(?:^|{_SEP}\s*)head(?=\s*$|\s*{_SEP}|\s+{_FUNCTIONS}\b)",
     "the title Head, Head, Marketing, or Head Sales"),
    (HEAD, "country",
     r"\bcountry\s+(?:manager|lead|leader)\b",
     "Country Manager, Country Lead: the top person in a country"),
    (HEAD, "leiter, leitung",
     r"\bleiter(?:in)?\b|\bleitung\b|\b(?:bereichs|abteilungs|hauptabteilungs"
     r"|geschäftsbereichs|niederlassungs|werks?|standort|vertriebs|verkaufs|marketing"
     r"|personal|betriebs|landes|regional|sparten|ressort)leiter(?:in)?\b",
     "Leiter(in) / Leitung Vertrieb, Bereichs-, Abteilungsleiter (not Team-, Projektleiter)"),
    (HEAD, "hoofd, leider",
     r"\bhoofd\b|\bafdelingshoofd\b|\b(?:verkoop|afdelings|vestigings)leider\b",
     "Dutch Hoofd Marketing, Afdelingshoofd, Verkoopleider (not Teamleider)"),
    (HEAD, "chef",
     r"\bchef\s+(?:de\s+|du\s+|des\s+|d['’])(?:service|département|division|pôle|ventes)\b",
     "French chef de service / de département (not chef de projet)"),
    (HEAD, "jefe, jefa",
     r"\bjef[ae]\s+(?:de|del)\s+(?!proyecto|obra|equipo|turno|grupo|cocina|sala"
     r"|gabinete|tienda|secci[oó]n)",
     "Spanish Jefe de Ventas / de Departamento (not Jefe de Proyecto)"),
    (HEAD, "руководител, начальник",
     r"\bруководител\w*\b(?!\s+(?:проект|групп))|\bначальник\w*",
     "Russian Руководитель / Начальник отдела (not Руководитель проекта)"),
    (HEAD, "kierownik",
     r"\bkierownik\w*\s+dział\w*",
     "Polish Kierownik działu: head of department (a bare Kierownik is a manager)"),
    (HEAD, "部長, 部长, 부장",
     r"部長|部长|부장",
     "Japanese/Chinese/Korean department head, also 本部長, 副部長"),
)


def _fold(text: str) -> str:
    """Accents and compatibility forms dropped: "Président" -> "President", "ＣＥＯ" -> "CEO"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _compile(pattern: str) -> re.Pattern[str]:
    """A pattern for lower-case folded text (quicker than IGNORECASE): written in lower case."""
    if pattern != pattern.lower():
        raise ValueError(f"seniority patterns are written in lower case: {pattern!r}")
    return re.compile(_fold(pattern))


_REST_END = r"[^,()]*"  # an exclusion of reach REST runs to the next comma or bracket


_Tree = dict[str, "_Tree"]  # keyword characters, each leading to those that may follow


def _any_of(keywords: list[str]) -> re.Pattern[str]:
    """A search for any of the keywords, as plain text. Written as a tree of shared beginnings
    ("chair|chief" as "ch(?:air|ief)"), which Python's re scans a few times faster."""
    tree: _Tree = {}
    for word in keywords:
        node = tree
        for char in _fold(word).lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a keyword ends here
    return re.compile(_alternatives(tree))


def _alternatives(node: _Tree) -> str:
    """The regular expression for a tree of keyword characters (see _any_of)."""
    branches = [re.escape(char) + _alternatives(child) for char, child in node.items() if char]
    if not branches or "" in node:
        return ""  # a keyword ends here: the shorter one is found, which is enough
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_EXCLUDE = tuple(
    (reach, _any_of(keywords.split(", ")),
     _compile(f"(?:{pattern}){_REST_END}" if reach == REST else pattern), why)
    for reach, keywords, pattern, why in EXCLUSIONS)
_RULES = tuple((cls, _any_of(keywords.split(", ")), _compile(pattern), why)
               for cls, keywords, pattern, why in RULES)
# Any rule's keyword: a title with none is "other" at once (most titles). Any exclusion's: a
# part with none keeps all its words.
_ANY_RULE_KEYWORD = _any_of([word for _, words, _, _ in RULES for word in words.split(", ")])
_ANY_EXCLUSION_KEYWORD = _any_of(
    [word for _, words, _, _ in EXCLUSIONS for word in words.split(", ")])


@dataclass(frozen=True)
class Verdict:
    """A title's class, the reason of the rule that decided it, and the reasons of the
    exclusions that removed part of the title."""

    cls: str
    reason: str
    excluded: tuple[str, ...] = ()


def _normal(title: str) -> str:
    """Folded, lower case, single spaces, no separator at either end."""
    return " ".join(_fold(title).split()).strip(" ,;").lower()


def explain(title: str) -> Verdict:
    """The seniority class of a job title, with the rule and exclusions that decided it."""
    text = _normal(title)
    if not any(ch.isalnum() for ch in text) or text in _PLACEHOLDERS:
        return Verdict(UNKNOWN, "no title")
    if not _ANY_RULE_KEYWORD.search(text):
        return Verdict(OTHER, "no rule matched")
    excluded: list[str] = []
    parts = [_excluded(part, excluded) for part in _PARTS.split(text)]
    left = " | ".join(part for part in parts if part.strip())
    for cls, keyword, pattern, why in _RULES:
        if keyword.search(left) and pattern.search(left):
            return Verdict(cls, why, tuple(excluded))
    return Verdict(OTHER, "no rule matched", tuple(excluded))


def _excluded(part: str, excluded: list[str]) -> str:
    """One part of a title with what EXCLUSIONS remove blanked out; their reasons noted."""
    if not _ANY_EXCLUSION_KEYWORD.search(part):
        return part
    for reach, keyword, pattern, why in _EXCLUDE:
        if not keyword.search(part):
            continue
        if reach == PART:
            if pattern.search(part):
                excluded.append(why)
                return ""
        else:
            part, count = pattern.subn(" ", part)
            if count:
                excluded.append(why)
    return part


def classify(title: str) -> str:
    """The seniority class of a job title: one of CLASSES ("unknown" when empty)."""
    return explain(title).cls


def is_decision_maker(cls: str) -> bool:
    """C-suite, VP, owner, director or head."""
    return cls in DECISION_MAKERS
