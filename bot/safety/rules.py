# ruff: noqa: E501
# (a table of long regexes reads better with a few long lines than split mid-word)
"""Crisis phrase rules: named pattern families over normalised text, grouped by what they signal.

Each rule has a name (it shows up in reasons as ``rule:<name>``), a level it points at on its
own, and whether it is *strong* (guards for joking or history may lower only weak rules; a
negation must govern the match itself). Some rules are *signals* (level 0): a time word, a vague
"do it", having pills at hand; they only matter in combination (see ``combine``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.safety.gating import GatedPatterns
from bot.safety.levels import RiskLevel

# ---- shared fragments -----------------------------------------------------------------------
SELF = r"(?:my ?self|me ?self|my own self|mysel)"
BODY = r"(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|belly|forearms?)"
DRUG = (
    r"(?:pills?|tablets?|capsules?|meds|medications?|medicine|painkillers?|pain killers|"
    r"sleeping (?:pills|tablets|meds|aids?)|sleep(?:ing)? aids?|paracetamol|acetaminophen|tylenol|"
    r"panadol|ibuprofen|advil|motrin|aleve|naproxen|excedrin|aspirin|benadryl|diphenhydramine|"
    r"melatonin|xanax|valium|ativan|klonopin|benzos?|oxys?|oxies|oxycodone|oxycontin|percocet|"
    r"vicodin|"
    r"hydrocodone|codeine|tramadol|morphine|fentanyl|heroin|insulin|lithium|seroquel|quetiapine|"
    r"zoloft|sertraline|prozac|fluoxetine|lexapro|citalopram|antidepressants?|amitriptyline|"
    r"nyquil|zopiclone|ambien|zolpidem|lorazepam|diazepam|clonazepam|opioids?|opiates?|"
    r"propranolol|metoprolol|digoxin|warfarin|methadone|gabapentin|pregabalin|trazodone|"
    r"mirtazapine|venlafaxine|co codamol|cocodamol|dihydrocodeine|"
    r"antifreeze|bleach|rat poison|weed killer|pesticides?|cyanide|drano|anti ?freeze)"
)
BIG_AMOUNT = (
    r"(?:(?:\d+|two|three|four|five) (?:full )?(?:boxes|bottles|packs|packets|strips|sheets|"
    r"blister "
    r"packs)|(?:[5-9]|\d{2,})(?! ?(?:mg|ml|mcg|g|milligrams?)\b)|all|all of|all the|all my|a whole|"
    r"the whole|an entire|a bottle|a full bottle|the bottle|a bunch|a handful|handfuls|"
    r"every|too many|way too many|so many|a lot of|lots of|a box|a pack|two boxes|two packs|double|"
    r"triple|ten|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|hundred|dozens)"
)
PLACE = (
    r"(?:bridges?|cliffs?|buildings?|roofs?|rooftops?|parking (?:garage|structure|deck)|car park|"
    r"multi ?storey|multi ?story|towers?|balcon(?:y|ies)|overpass|flyover|viaduct|dam|ledge|window)"
)
PLACE_HIGH = (
    r"(?:bridges?|cliffs?|roofs?|rooftops?|parking (?:garage|structure|deck)|car park|balcon(?:y|"
    r"ies)|"
    r"multi ?storey|multi ?story|overpass|flyover|viaduct|dam|ledge)"
)
NEG = r"(?:not|never|no longer|dont|do not|doesnt|does not|didnt|did not|wont|will not|wouldnt|would not|isnt|arent|aint|wasnt|werent|was not|havent|have not|hasnt|stopped|quit|nor)"
PERSON = (
    r"(?:dad|father|mom|mother|mum|stepdad|stepfather|stepmom|stepmother|step dad|step mom|"
    r"boyfriend|bf|girlfriend|gf|husband|wife|partner|ex|uncle|aunt|brother|sister|cousin|"
    r"grandpa|grandfather|grandma|coach|teacher|boss|roommate|parents|family|guardian|"
    r"pastor|priest|neighbou?r|foster (?:dad|mom|parents)|mums boyfriend|moms boyfriend)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    group: str
    level: RiskLevel
    strong: bool
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int


def _rule(name: str, group: str, level: int, strong: bool, *patterns: str) -> Rule:
    return Rule(name, group, RiskLevel(level), strong, tuple(re.compile(p) for p in patterns))


RULES: tuple[Rule, ...] = (
    # ---- explicit and passive ideation ------------------------------------------------------
    _rule(
        "explicit_ideation", "ideation", 3, True,
        rf"\b(?:kill|killing|kil|end|ending|off|offing|hang|hanging|shoot|shooting|drown|drowning|"
        rf"poison|poisoning|gas|gassing|suffocate|suffocating|electrocute|electrocuting|murder) "
        rf"?{SELF}\b",
        r"\b(?:end|ending|take|taking|finish|finishing) (?:my|me) (?:own )?life\b",
        r"\b(?:commit|committing|do|doing|make|making|attempt|attempting|try|trying|consider|"
        r"considering) (?:a )?suicide\b",
        r"\b(?:want|wanting|wanna|going|plan|planning|planned|ready|decided|deciding|tempted|"
        r"intend|"
        r"intending|urge|urges|need|think|thinking|thought|thoughts) (?:to |of |about )?"
        r"(?:suicide|end it all|end my life)\b",
        r"\b(?:im|i am|i feel|feeling|feel|been|being|getting|get|got|became|become|so|very|really|"
        r"extremely|pretty|kinda|actively|more|still|always|feels|feeling really|felt really|"
        r"im feeling|im getting) suicidal\b",
        r"\bsuicidal (?:thoughts|ideation|feelings|urges|thinking|again|tonight|right now|rn)\b",
        r"\b(?:considering|contemplating|thinking|think|thought|pondering|obsessing|fantasi[sz]ing|"
        r"dreaming|planning) (?:about |of |over )?(?:suicide|killing my ?self|ending (?:my life|it "
        r"all)|"
        r"taking my (?:own )?life|ending my existence|my suicide)\b",
        r"\bsuicide (?:has been|is|keeps|was|has|is always|is constantly) (?:\w+ )?(?:on my mind|"
        r"in my "
        r"head|tempting|calling|coming back|in my thoughts|in the back of my mind|always there)\b",
        r"\b(?:feel like|felt like|feeling like|thinking of|thought of|want to|wanna|going to|"
        r"gonna|"
        r"planning on|plan on|might) (?:just )?(?:ending it|end it)\b(?! (?:with|all with|between|"
        r"early|here|now lol))",
        r"\b(?:end|ending) my (?:existence|own existence)\b",
        r"\b(?:do|doing|did) (?:something|anything) (?:stupid |bad |drastic )?to my ?self\b",
        r"\b(?:end|ending) (?:things|it) (?:for good|forever|permanently|once and for all)\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) ending (?:it|things|everything)\b(?! "
        r"with)",
        r"\b(?:almost|nearly|tried to|attempted to|tried) (?:to )?(?:kill(?:ed)?|end(?:ed)?|"
        r"hang(?:ed)?)"
        r" (?:my ?self|my life)\b",
        r"\bsuicide (?:is|seems|feels|looks) (?:like )?(?:the|my) (?:only|best|last|right|easiest) "
        r"(?:option|way|answer|choice|solution|way out)\b",
        r"\b(?:end|ending) (?:it all|everything|my suffering|this life|this pain forever)\b",
        r"\bi (?:really |just |honestly |seriously )?(?:want|wanna|will|am going|m going|gonna|try|"
        r"think i (?:will|should)|need|think|thinking|plan|planning|decide|decided) to kill me\b",
        r"\b(?:use|using) (?:it|them|the gun|a gun|the knife|a knife|the rope|the blade|the pills) "
        r"on "
        r"my ?self\b",
        r"\b(?:suicide|killing my ?self|ending my life|ending it all|dying)\b (?:is )?(?:all i "
        r"(?:can )?"
        r"(?:think|thinking) about|(?:always |constantly )?on my mind)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bwish (?:that )?i (?:was|were|wasnt|werent|was never|were never|had never been|hadnt "
        r"been|could|would|did not|didnt) (?:dead|born|alive|here|gone|exist|existing|die|just die|"
        r"disappear|fall asleep and not wake up|not wake up|wake up)\b",
        r"\b(?:dont|do not|didnt|did not|no longer|never) (?:really |even |actually )?(?:want|"
        r"wanna|"
        r"wish|care) (?:to )?(?:live|be alive|be here|exist|wake up|keep living|keep going|go on|"
        r"be around|see tomorrow|continue|be anymore|do life|live anymore)\b",
        r"\b(?:not sure|unsure|dont know if|i dont know if|idk if|no idea if) i (?:want|wanna) to "
        r"(?:live|be alive|be here|keep going|go on|exist)\b",
        r"\b(?:want|wanna|wanted|wanting|ready|wish|wishing|hope|hoping|longing|praying|pray) "
        r"(?:to )?"
        r"(?:die|be dead|stop existing|not exist|cease to exist|disappear forever|vanish forever|"
        r"not be here|not wake up|never wake up|go to sleep forever|sleep forever|just die|"
        r"fall asleep forever)\b",
        r"\b(?:better|easier|happier) (?:off )?(?:without me|if i (?:was|were) (?:gone|dead|not "
        r"here)|"
        r"if i (?:wasnt|werent|didnt exist|died|disappeared))\b",
        r"\b(?:no one|nobody|noone|no1|nobody would|they wouldnt|wouldnt even) (?:\w+ )?(?:would )?"
        r"(?:care|notice|miss me|even notice|even care|cry) (?:if|when) i (?:died|was gone|"
        r"were gone|disappeared|killed|wasnt here|was dead|left for good)\b",
        r"\b(?:rather|better off|id be better|should be|deserve to be|wish i was|want to be) "
        r"dead\b",
        r"\bi (?:would|d|id) rather (?:die|be dead)\b",
        r"\b(?:nothing|no reason|no reasons|nobody|no one) (?:left )?(?:to|worth) live for\b",
        r"\b(?:no|dont see a|dont see any|cant see a|cant see any|there is no|theres no|see no|"
        r"without a) (?:point|reason|purpose) (?:to|in|of) (?:living|life|being alive|going on|"
        r"existing|live|exist|carrying on|keep going|stay|staying)\b",
        r"\b(?:whats|what is|wheres) the (?:point|use) (?:of|in) (?:living|life|being alive|going "
        r"on|"
        r"existing|staying alive|carrying on|trying anymore)\b",
        r"\blife (?:is not|isnt|aint|is no longer|not) worth (?:living|it anymore|it)\b",
        r"\b(?:tired|sick|exhausted|done) (?:of|with) (?:living|being alive|life|existing|"
        r"breathing|being here|waking up)\b",
        r"\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?(?:i (?:dont|never|wont|do not) "
        r"wake up|i die|a (?:car|bus|truck|train) (?:hits|would hit|will hit) me|something kills "
        r"me|"
        r"i get hit by|i just die|i (?:wont|dont) see tomorrow|i (?:wont|dont) make it)\b",
        r"\b(?:wish|want|hope|need) (?:someone|somebody|something|god) (?:would|to|will|could) "
        r"(?:kill me|end it for me|end me|take me)\b",
        r"\bbetter off with (?:the|my) (?:life )?insurance\b",
        r"\b(?:welcome|embrace|long for|crave|look forward to) (?:death|dying|the end)\b",
        r"\b(?:would|will) (?:anyone|anybody|people|they) (?:even )?(?:notice|care|miss "
        r"me)\b.{0,15}"
        r"\bif i\b",
        r"\b(?:would|will|must) be to (?:be dead|die|not exist|not wake up|never wake up)\b",
        r"\b(?:would|wouldnt|theyd|itd|shed|hed|youd|wed)\b.{0,30}\bif i (?:just |simply |only )?"
        r"(?:died|was gone|disappeared|was dead|killed my ?self|"
        r"wasnt here|werent here|wasnt around|werent around|vanished|left forever)\b(?! (?:this|"
        r"next|for (?:a|the|one|two)|on|tonight|today|"
        r"tomorrow|at|until|till|when|while)\b)|\bif i (?:died|was gone|disappeared|was dead|"
        r"vanished|"
        r"killed my ?self)\b.{0,30}\b(?:would|wouldnt)\b",
        r"\bhate (?:being alive|living|existing|my existence|that im alive|waking up)\b",
        r"\bfeel(?:ing)? like dying\b",
        r"\b(?:dont|do not|not) plan(?:ning)? on (?:being (?:here|alive|around)|living|staying "
        r"alive)\b",
        r"\bone less me\b|\bwithout me in it\b",
        r"\b(?:stopped|stop) caring (?:if|whether) i (?:live|die|make it|survive)\b",
        r"\bmy time (?:is up|has come|here is (?:done|over|up))\b",
        r"\bi should just (?:go|leave|disappear)\s*(?:[.!,]|$)",
        r"\b(?:okay|ok|fine|happy|relieved|glad|at peace)\b.{0,10}\bif i (?:never|didnt|dont|did "
        r"not)"
        r" (?:woke up|wake up|make it|exist)\b",
        r"\b(?:switch|turn|shut) (?:my ?self |it all |everything )?off (?:permanently|forever|for "
        r"good)\b",
        r"\b(?:living|life|being alive|existing)\b.{0,30}\bdont (?:want to|wanna) (?:anymore|any "
        r"more|"
        r"do it anymore)\b",
        r"\b(?:hope|hoping|wish|pray|praying)\b.{0,15}\b(?:get|be) (?:in|into) (?:a )?(?:car )?"
        r"(?:crash|accident)\b",
        r"\bwho (?:would|will|is going to|is gonna) find (?:me|my body)\b",
        r"\bnot (?:being|be) (?:around|here|alive) (?:much longer|for long|anymore|soon)\b",
        r"\b(?:point|reason|purpose) (?:to|in|of) (?:trying to|even trying to) (?:stay alive|live|"
        r"keep "
        r"living|go on|keep going|exist)\b",
        r"\b(?:want|wanna|wish|need) (?:to )?(?:be )?gone\b(?! (?:for|on|from|to|by|before|when|"
        r"until))",
        r"\b(?:imagining|picturing|planning|thinking about|dreaming about|visuali[sz]ing) my "
        r"(?:own )?"
        r"(?:funeral|death|grave)\b",
        r"\bpretend(?:ing)? (?:that )?i (?:want to|wanna) (?:be here|be alive|live|exist|keep "
        r"going)\b|"
        r"\bpretend(?:ing)? (?:that )?i (?:want|have|see) a future\b",
        r"\bwhat if i (?:just )?(?:didnt|did not|never|dont) (?:wake up|exist|come back|make it)\b",
        r"\b(?:not|never|cant|dont have to|not have to) (?:feel|deal with|face|wake up to) "
        r"(?:anything|anyone|it|this) ever again\b",
        r"\bdont want to wait (?:to find out|for it to get better|any longer to die)\b",
        r"\b(?:wont|will not|not going to) be (?:a )?(?:problem|burden|bother) (?:for|to) "
        r"(?:anyone|you|"
        r"them|anybody|everyone) (?:soon|much longer|for long|anymore|any longer)\b",
        r"\bonly way (?:out|to (?:stop|end) (?:the|this|my) pain|the pain (?:stops|ends|will "
        r"stop))\b",
        r"\b(?:want|wanna) (?:to )?(?:be )?dead\b",
        r"\bpress a button and (?:disappear|die|not exist|stop existing|be gone|never have "
        r"existed)\b",
        r"\bbetter (?:to )?not (?:be|exist|be alive|be here|be born)\b(?= (?:here|alive|born|"
        r"around|at "
        r"all|anymore)|\s*[.,!]|$)",
        r"\b(?:me and life|life and me|i and life) (?:are|r) (?:done|over|through)\b",
        r"\b(?:hope|wish|pray)\b.{0,20}\band die\b",
        r"\bnever have to (?:face|see|live) (?:another|one more) (?:day|morning|week)\b|\b(?:cant|"
        r"can not|dont want to) face (?:another|one more) day\b",
        r"\b(?:just )?want out\b(?! of (?:this|the|my|that) (?:job|class|relationship|house|"
        r"meeting|"
        r"marriage|group|town|city|contract|school|course))",
        r"\b(?:sleep|asleep) forever\b(?!.{0,20}\b(?:this weekend|tomorrow|on (?:saturday|sunday)|"
        r"after (?:this|the) (?:exam|shift|week)|lol)\b)",
        r"\bwouldnt (?:even )?(?:get|seek|want) (?:treatment|help|chemo)\b",
        r"\b(?:pray|praying|hope|hoping|wish|wishing|asking)\b.{0,30}\b(?:god|the lord|lord|jesus|"
        r"the universe|allah) (?:\w+ )?(?:takes|take|"
        r"would take|will take|to take) me\b",
        r"\b(?:want|need|wish) (?:it|it all|everything|the pain|all of this|all this|this all|my "
        r"life|"
        r"this life|life) to (?:stop|end|be over)(?: forever| for good| permanently)?\b"
        r"(?!.{0,40}\b(?:i mean|exams?|season|semester|term|meeting|shift|this week|the week)\b)",
        r"\b(?:no|dont see a|cant see a|there is no|theres no|cant find a|only one) way out\b",
        r"\b(?:disappear|vanish) (?:forever|for good|and never come back|permanently)\b",
        r"\bi (?:dont|do not|didnt|did not|never) (?:want|ask|asked) to (?:be born|exist|be "
        r"alive)\b",
        r"\b(?:give|giving|gave|given) up on (?:life|living|everything|myself|being alive)\b",
        r"\bi dont (?:want|wanna) to be (?:here|alive|around) (?:anymore|any more)\b",
        r"\bwhy (?:am i|should i|do i) (?:even )?(?:still )?(?:alive|stay alive|keep living|exist|"
        r"go on|bother living)\b",
        r"\b(?:cant|can not|cannot) (?:go on|keep going|do this|take it|take this|live like this|"
        r"keep living|handle life|do life)(?: like this)? (?:anymore|any more|any longer|much "
        r"longer)\b",
        r"\b(?:im|i am|i feel like) (?:a|such a|just a) (?:burden|waste of (?:space|air|oxygen|"
        r"life))"
        r"\b",
        r"\b(?:everyone|everybody|they|my family|the world|people) (?:would|will) be (?:better|"
        r"happier|fine|ok|okay) (?:off )?(?:without me|if i)\b",
        r"\b(?:wont|will not|wouldnt) (?:be a (?:problem|burden)|bother (?:anyone|you)) for "
        r"(?:much )?"
        r"(?:longer|long)\b",
        r"\bsuicidal\b",
        r"\bwish (?:that )?(?:i|id) (?:had )?(?:never|not) (?:been born|existed|born|woken up)\b",
        r"\b(?:wish|hope|hoping|praying|pray) (?:that )?(?:a|some|the) (?:car|bus|truck|train|"
        r"drunk "
        r"driver|plane|lightning|meteor) (?:would |will |could )?(?:just )?(?:hit|hits|kill|kills|"
        r"run "
        r"me over|crash)",
        r"\b(?:want|wish|wanna|hope|pray|just want)(?: to| i could| i can| that i could| i would)? "
        r"(?:just )?(?:fall asleep|sleep|go to sleep|close my eyes|rest) (?:forever|for good|"
        r"permanently|"
        r"and (?:never|not|not have to|never have to) wake up)",
        r"\b(?:go to sleep|sleep|fall asleep|close my eyes)\b.{0,25}\b(?:and|then) (?:never|not|"
        r"not "
        r"have to|never have to) (?:wake up|wake|open them again)\b",
        r"\b(?:i would|i d|id|i had) rather (?:just )?(?:die|be dead|not exist|not be alive|not be "
        r"here|not wake up|never wake up)\b",
        r"\b(?:tired|sick|exhausted) of\b.{0,25}\b(?:being here|being alive|existing|living|"
        r"breathing)\b",
        r"\b(?:better|easier|happier|lighter)\b.{0,25}\bif i (?:just )?(?:wasnt|werent|was not|"
        r"were not|was gone|were gone|was dead|were dead|died|disappeared|didnt exist|was never "
        r"born|"
        r"wasnt around|wasnt here)\b",
        r"\bnot (?:meant|supposed) to be (?:here|alive|born)\b(?! (?:today|yet|lol|until))",
        r"\bstop (?:trying to )?(?:stay alive|staying alive|existing|fighting to live|fighting to "
        r"stay alive)\b",
        r"\b(?:thinking|think|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing|obsessed|want|"
        r"wanna|"
        r"wish) (?:about |of |with )?(?:just )?(?:not existing|not being (?:alive|here|around)|"
        r"stop existing|ceasing to exist|disappearing forever|dying|being dead|my (?:own )?death|"
        r"my (?:own )?funeral|death)\b",
        r"\b(?:world|everyone|everything|life|people|they|my family) (?:would|will) (?:keep going|"
        r"go "
        r"on|move on|be fine|be better|carry on) without me\b",
        r"\b(?:no one|nobody|noone) (?:would|will|is going to|gonna|even) (?:even )?(?:miss|notice|"
        r"care about|remember) me\b",
        r"\b(?:dont think i can|not sure i can|dont know if i can|dont know how much longer i can|"
        r"cant) (?:keep going|go on|hold on|keep living|last|survive|stay alive)(?: much| any)? ?"
        r"(?:longer|anymore)?\b(?!.{0,40}\b(?:landlord|job|boss|gym|moving|school|work|class|team|"
        r"flat|rent|course|uni|college|relationship|marriage|diet|membership|commute|to (?:that|"
        r"the|this|my)|with (?:him|her|them|this|that|my|the)|anymore lol)\b)",
        r"\b(?:run out of|no more|lost all|no|out of) reasons? to (?:stay|live|keep going|go on|be "
        r"here|stay alive|keep living)\b",
        r"\bwhy (?:i|do i|should i|am i) (?:even )?(?:bother|still) (?:staying alive|living|being "
        r"alive|existing|trying to live|alive|exist)\b",
        r"\bdeath (?:would be|sounds|seems|feels like) (?:a relief|better|nice|peaceful|easier)\b",
        r"\b(?:should|could) (?:just )?(?:go to sleep|sleep) and (?:never|not) wake up\b",
        r"\bi (?:should|deserve to|need to|just need to) (?:just )?die\b(?! (?:laughing|of|from))",
        r"\bstop (?:being alive|living|existing|breathing)\b(?! (?:in|like|with|for|so))",
        r"\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:just )?(?:dont|never|wont|do "
        r"not) "
        r"wake up\b",
        r"\b(?:relieved|glad|fine|okay|ok|happy|happier|better|easier|lighter)\b.{0,25}\bif i "
        r"(?:just )?"
        r"(?:was|were) (?:gone|dead|not here|not around|never born)\b",
        r"\b(?:dying|death|being dead|being gone|not being here|not existing|not waking up)\b "
        r"(?:seems|"
        r"feels|sounds|looks|would be|is|must be) (?:\w+ )?(?:easier|better|nicer|more peaceful|"
        r"like a "
        r"relief|like the answer|preferable|peaceful|like a holiday|like rest|like bliss|like "
        r"heaven|"
        r"like freedom)\b",
        r"\b(?:no one|nobody|noone) (?:would|will|is going to) (?:\w+ )?(?:cry|come|show up|care|"
        r"miss me) (?:at|to|about|after) my funeral\b",
        r"\b(?:wish|want|wanna|could|would like to) (?:i could )?(?:just )?not (?:exist|be alive|"
        r"be "
        r"here|be around)\b",
        r"\b(?:dont|do not|doesnt|dont even|really dont) (?:even |really )?care (?:if|whether) i "
        r"(?:live|die|wake up|make it|survive)\b",
        r"\b(?:what|whats) (?:is )?(?:even )?the point (?:of me|in me|of my existence|of my life|"
        r"of "
        r"being me|of existing|of being alive)\b",
        r"\b(?:tired|sick|exhausted|done) of (?:fighting|trying|struggling) (?:to stay alive|to "
        r"live|"
        r"to keep going|to survive|for my life)\b",
        r"\b(?:hope|hoping|wish|praying) (?:that )?(?:this|the|my) (?:plane|car|bus|train) "
        r"(?:crashes|"
        r"would crash|will crash|goes down)\b",
        r"\b(?:wish|hope|hoping|pray|praying) (?:that )?i (?:would |could |will )?(?:get|got|gets) "
        r"(?:hit|run over|killed|shot|cancer)\b",
        r"\b(?:like|feel like) (?:im|i am) already (?:gone|dead)\b",
        r"\bwaiting (?:for|to) (?:it all|everything|my life|life|death|the end|die)(?: to end| to "
        r"be "
        r"over| to come)?\b",
        r"\binsurance (?:money|payout|policy)?\b.{0,40}\b(?:if|when) (?:something happens|"
        r"something "
        r"happened|i die|i died|im gone|i was gone)\b",
        r"\b(?:dont|cant|do not|cannot) (?:see|picture|imagine) (?:myself|me) (?:being )?(?:alive|"
        r"here|around|living|making it)\b",
        r"\b(?:want|wanna|going|gonna) to dye\b(?! (?:my|her|his|it|the|your|our|some))",
        r"\b(?:its|it is|life is|life isnt|its not|not|isnt|aint|is not|no longer) (?:\w+ )?worth "
        r"(?:living|being alive|staying alive|going on)\b",
        r"\b(?:be|am|feel|id be|i would be) (?:\w+ )?(?:happier|better|better off|more at peace) "
        r"(?:dead|not alive|not existing)\b",
        r"\bmy (?:existence|life|birth|being alive|being born) (?:is|was) (?:a|one big|such a|just "
        r"a) "
        r"(?:mistake|waste|burden|accident|error)\b",
        r"\bcounting (?:down )?(?:the )?days (?:until|till|til) (?:its|it is|i am|im|everything is|"
        r"i can) (?:over|done|gone|dead|leave|go)\b",
        r"\bwhy (?:was|wasnt|were|did) i (?:\w+ )?(?:born|made|created)\b",
        r"\bnothing (?:left for me|(?:to stay|keeping me) (?:here|for|alive))\b",
        r"\b(?:cant|dont|do not|cannot|can not) (?:see|imagine|picture) (?:a|any) future(?: for "
        r"(?:me|myself))?\b(?! (?:in|at|with|for (?:this|the|that|us|our)))|\bno future for me\b",
        r"\b(?:i|im|me|my|myself)\b(?:(?!\b(?:not|dont|never|no|isnt|wont)\b).){0,30}\bsuicide\b",
        r"\bdone with (?:my life|life|living|this life|being alive)(?: for good| forever)?\b",
        r"\b(?:nice|good|better|easier|peaceful|a relief) to (?:just )?(?:not wake up|never wake "
        r"up|"
        r"die|not exist|stop existing|disappear forever)\b",
        r"\b(?:not|no longer|isnt|arent) (?:scared|afraid) of (?:dying|death)\b",
        r"\b(?:if i die|if i dont wake up|if i died|if i never wake up)\b.{0,30}\b(?:okay|ok|fine|"
        r"at "
        r"peace|wouldnt mind|dont mind|good|whatever|relief)\b|\b(?:wouldnt mind|dont mind|okay "
        r"with|"
        r"fine with) (?:dying|not waking up|if i died|death)\b",
        r"\b(?:dont think|doubt) (?:i will|ill|im going to|i am going to|i can) (?:make it|be "
        r"(?:here|"
        r"around|alive)|survive|last)\b",
        r"\b(?:want|wanna|wish|hope) (?:to )?not (?:be alive|exist|be here|wake up|be around)\b",
        r"\b(?:shouldnt|should not|dont deserve to|do not deserve to) (?:exist|be alive|live|be "
        r"here|"
        r"have been born)\b",
        r"\b(?:fade away|disappear|vanish)\b.{0,20}\b(?:never come back|forever|for good|and never "
        r"wake)\b",
        r"\b(?:dont|do not|cant|can not|cannot|no longer) (?:really )?(?:see|picture|imagine|have) "
        r"(?:a|any|my|much of a) future\b(?! (?:in|at|with|for (?:this|the|that|us|our)))|\b(?:i "
        r"have|"
        r"ive got|i see|theres|there is|i got) no future\b(?! (?:in|at|with|here))",
        r"\b(?:cant|dont|do not|cannot|can not|never) (?:see|picture|imagine) my ?self (?:being "
        r")?(?:here|"
        r"alive|living|around|in \w+ years?|next year|growing old|getting old|growing older|"
        r"getting "
        r"older|as an adult|at \d+)\b",
        r"\b(?:want|wish|need) (?:for )?(?:it all|everything|all of (?:it|this)|the pain|this pain|"
        r"my life|life) (?:to )?(?:just )?(?:to )?(?:stop|end|be over)\b(?! \w+ing\b)(?! (?:in|at|"
        r"for a (?:bit|"
        r"while|minute|second|day)|soon so))"
        r"(?!.{0,40}\b(?:i mean|exams?|season|semester|term|meeting|shift)\b)",
        r"\b(?:im|i am|i feel like|feel like|feeling like|i feel|im just|im only|i am only|im such|"
        r"i am such|being|im nothing but|i am nothing but) (?:a |such a |just a |only a |)"
        r"(?:huge |massive |big |total |constant |)burden\b(?! (?:on|to) (?:the|my) (?:budget|"
        r"team|schedule))(?! (?:asking|for asking|when i ask|to ask|if i ask))",
        r"\b(?:the )?world (?:doesnt|does not|wouldnt|would not|dont|will not|wont) (?:need|miss|"
        r"notice|want) me\b|\b(?:world|everyone|everybody|they) (?:would be|will be|is|are|be) "
        r"(?:a )?better (?:place )?(?:off )?(?:without me|with me gone|if i (?:was|were) gone)\b",
        r"\b(?:im|i am|i feel like|feel like|im just|im only) (?:a |just a |such a )?(?:waste of "
        r"(?:space|oxygen|air|a life|skin)|taking up space)\b",
        r"\b(?:sleep|go to sleep|fall asleep|close my eyes) and (?:never|not) (?:wake up|come back|"
        r"open them again)\b",
        r"\b(?:everyone|every one|them|the world|my family|you all|everybody) a favou?r (?:by|if "
        r"i)\b"
        r".{0,20}\b(?:leav\w*|gone|disappear\w*|dying|dead|die|not being|go|going|exist\w*)\b",
        r"\b(?:cant|can not|cannot|dont see how i can|dont know how (?:much longer )?i can|not "
        r"sure i "
        r"can|dont think i can) (?:keep going|go on|carry on|keep living|keep on living|keep "
        r"fighting|stay alive)\b(?! (?:to|with|at|like this at|on with|on "
        r"about))(?!.{0,40}\b(?:landlord|job|boss|gym|moving|school|work|class|team|flat|rent|"
        r"course|uni|college|relationship|marriage|diet|membership|commute|to (?:that|the|this|my)|"
        r"with (?:him|her|them|this|that|my|the)|anymore lol)\b)",
        r"\b(?:tired|exhausted|sick) of (?:fighting|trying) to (?:stay alive|live|survive|keep "
        r"going|exist)\b",
        r"\b(?:want|wanna|need|wish) to (?:rest|sleep) forever\b|\bi (?:shouldnt|should not) "
        r"(?:exist|be alive|be here)\b",
        r"\b(?:no more|no|not any) reason (?:to|for me to) (?:live|keep living|be alive|go on|"
        r"stay)\b",
        r"\b(?:disappointed|upset|sad|angry|annoyed|mad|sorry) (?:that )?(?:im|i am|i was|to be|"
        r"i woke up) still (?:here|alive|breathing)\b|\b(?:disappointed|upset|sad|gutted|annoyed) "
        r"(?:that )?i (?:woke|wake|still wake) up\b|\bwoke up (?:again|still alive)\b.{0,20}"
        r"\b(?:why|unfortunately|sadly|disappointed)\b",
        r"\b(?:dont|do not|never|just dont) belong (?:in this world|on this earth|here on earth|"
        r"among the living|anywhere anymore|in this life)\b",
        r"\b(?:hope|hoping|wish|pray|praying)\b.{0,30}\b(?:dont|not|never|wont|do not) (?:recover|"
        r"survive|make it|pull through|come back)\b",
        r"\b(?:whats|what is) (?:even )?the point (?:anymore|any more|of anything|of it all|of "
        r"trying|of any of this)\b",
        r"\b(?:im|i am|i feel like|feel like) (?:a |such a |just a )?(?:weight|drain|dead weight) "
        r"(?:on|for|to) (?:everyone|everybody|my family|them|you all|the people|my (?:parents|kids|"
        r"friends))\b",
    ),
    # ---- coded slang ------------------------------------------------------------------------
    _rule(
        "coded_slang", "coded", 3, False,
        r"\bkms\b",
        rf"\bunalive (?:{SELF}|me)\b|\b(?:want|wanna|going|gonna|to|about to|will) (?:to "
        rf")?unalive\b"
        r"|\bunaliving\b",
        r"\bsewer ?slid(?:e|ey|y|ing|in)\b|\bsuicide?ide\b",
        r"\bctb\b|\bcatch(?:ing)? the bus\b(?= (?:tonight|soon|for real|forever|bye|goodbye)|"
        r"\s*[.!]*$)|"
        r"\btime to catch the bus\b",
        rf"\bself ?delet(?:e|ing|ed|ion)\b(?! from)|\bdelete {SELF}\b(?! from)|\bgame ?end "
        rf"{SELF}\b",
        r"\b(?:commit|comit|commiting|committing|do) (?:sudoku|toaster bath|neck rope|die|"
        r"unalive|self delete)\b|\btoaster bath\b",
        rf"\b(?:neck|rope|yeet|end) {SELF}\b|\b(?:want|wanna|going|gonna) to rope\b",
        r"\beasy way out\b.{0,20}\bpermanent\b|\bpermanent (?:way out|solution|exit)\b",
        r"\blong walk off a short (?:bridge|pier|cliff|plank)\b|\blog(?:ging)? off (?:permanently|"
        r"forever|for good|from life)\b",
        r"\bunalive\b|\bdirt nap\b|\b(?:permanent|forever|eternal|final|long|big) (?:nap|sleep|"
        r"rest|"
        r"exit|logout|log off)\b"
        r"(?! (?:mode|setting|button|scene|episode|boss))",
        r"\bkys\b.{0,30}\b(?:my ?self|me)\b|\bkill (?:my ?)?self\b",
    ),
    # ---- self-harm ---------------------------------------------------------------------------
    _rule(
        "self_harm", "self_harm", 3, True,
        rf"\b(?:cut|cutting|cuts|slice|slicing|slit|slitting|burn|burning|burned|burnt|scratch|"
        rf"scratching|hit|hitting|punch|punching|carve|carving|stab|stabbing|hurt|hurting|harm|"
        rf"harming|bruise|bruising|bang|banging|starve|starving|choke|choking|strangle|slap|"
        rf"slapping|"
        rf"slapped|punched|stabbed|scratched|bit|bite|biting) {SELF}\b",
        rf"\b(?:cut|cutting|cuts|slice|slicing|slit|slitting|carve|carving|carved|scratch|"
        rf"scratching|burn|burning|burned) (?:into )?(?:my|me) (?:own )?{BODY}\b",
        r"\b(?:i|im|i am|ive been|i have been|i keep|i still|been|started) (?:\w+ )?(?:self ?harm|"
        r"self ?harming|self injur(?:e|ing)|self harmed|sh|cut|cutting)\b(?! (?:the|my hair|my "
        r"bangs|class|carbs|ties|back|down|off|out|in|it|him|her|them)|"
        r" (?:a|an|his|her|their|the kids?|my (?:sons?|daughters?|kids?|toddlers?|babys?)) "
        r"(?:\w+s? )?(?:fringe|bangs|hair|hairs|nails|toenails|fingernails|sandwich|toast|crusts|"
        r"food|cake|meat|grapes|fruit|tablets?|pills?|capsules?)| (?:my |the |these |those "
        r")?(?:\w+ )?"
        r"(?:pills?|tablets?|capsules?) (?:in half|in two|into))",
        r"\bmy (?:self ?harm|sh|cutting|cuts|scars)\b(?! scars? (?:from|are old))",
        r"\bsh (?:again|urges?|relapse)\b|\b(?:relaps(?:e|ed|ing)) (?:on|with|into|to)? ?(?:sh|"
        r"self "
        r"harm|cutting|self harming)\b|\brelapsed\b.{0,30}\b(?:cut|sh|self harm|blade|razor)\b",
        r"\b(?:urge|urges|want|wanted|wanting|craving|need|needed|tempted) to (?:cut|sh|self harm|"
        r"hurt my ?self|burn my ?self|bleed|see blood|feel the blade)\b(?! (?:my|the|your|his|her|"
        r"a|"
        r"some|it|them|back|down|off|out|in|class|ties|costs?|carbs|loose|corners|the line)\b)",
        r"\b(?:fresh|new|deep|deeper|open) (?:cuts|cut|wounds|burns|scratches)\b",
        rf"\b(?:razor|razors|blade|blades|sharpener|knife|glass|scissors)\b.{{0,40}}\b(?:on|into|"
        rf"across|"
        rf"to) (?:my|me) {BODY}\b",
        r"\bcut (?:deeper|too deep|so deep|really deep)\b",
        r"\b(?:hitting|hit|banging|bang|slamming|slam|smashing)\b (?:my )?head (?:against|on|into) "
        r"(?:the |a )?(?:wall|walls|floor|door|desk)\b",
        r"\b(?:knife|razor|blade)\s+blood\b|\bblood\s+(?:knife|razor|blade)\b",
        rf"\b(?:bit|bite|biting|bitten|hit|hitting|scratched|scratching|pinched|pinching|stabbed|"
        rf"stab|"
        rf"stabbing) (?:my|me) (?:own )?{BODY}\b.{{0,30}}\b(?:bled|bleed|bleeding|bruise|bruised|"
        rf"hurt)\b",
        r"\b(?:wanted|want|needed|need) (?:it|myself|me) to (?:hurt|bleed|feel pain)\b",
        r"\bpunch(?:ed|ing)? (?:the |a )?walls?\b.{0,30}\b(?:bled|bleed|bleeding|broke|bruised|"
        r"split|"
        r"bloody|knuckles)\b",
        r"\b(?:my ?self|my (?:skin|arms?|legs?|wrists?|body|thighs?)|bleeds?|"
        r"bleeding)\b.{0,30}\bon "
        r"purpose\b",
        r"\b(?:the )?(?:razor|blade|blades|cutting|self harm|burning)\b (?:is|are) (?:the only "
        r"(?:thing|"
        r"way)|all that|what) (?:helps|calms|keeps|makes|that)",
        rf"\b(?:scratched|sliced|slashed|carved|burned|burnt) (?:into )?(?:my|me) (?:own "
        rf")?{BODY}\b",
        rf"\bcarv(?:e|ed|ing) (?:\w+ ){{0,3}}into (?:my|me) {BODY}\b",
        r"\bself ?harm(?:ing|ed)? (?:again|tonight|today|right now)\b",
        r"\b(?:clean|sober) (?:from (?:sh|self harm|cutting) )?for (?:\w+ ){1,2}(?:days|weeks|"
        r"months|"
        r"years) (?:and|but) (?:i )?(?:relapsed|slipped|cut|did it)\b",
    ),
    _rule("self_harm_and", "self_harm", 3, False,
          r"\b(?:punch|punching|hit|hitting|hurt|hurting|cut|cutting|burn|burning|scratch|"
          r"scratching) (?:\w+ ){1,2}and (?:my ?self)\b"),
    _rule("self_harm_mention", "self_harm", 2, False, r"\bself ?harm(?:ing|s|ed)?\b",
          r"\bcutting\b(?= (?:again|myself|yourself|scars|urges))"),
    # ---- method and means seeking -------------------------------------------------------------
    _rule(
        "means", "means", 3, True,
        r"\bhow (?:many|much)\b.{0,60}\b(?:kill|kills|killed|die|dying|dead|death|lethal|fatal|"
        r"overdose|od|deadly|to not wake up|never wake up|sleep forever|asleep forever|to end it|"
        r"shut down|stop (?:my|your|the|a) "
        r"heart|to be enough|would it take|does it take|to go)\b",
        r"\b(?:lethal|fatal|deadly|toxic|overdose|od|killing|dangerous) (?:dose|doses|amount|"
        r"quantity|level|limit|number|threshold)\b(?!.{0,30}\b(?:vitamin|supplements?|caffeine)\b)",
        r"\b(?:how|ways?|best way|easiest way|quickest way|fastest way|painless(?:ly)?|least "
        r"painful|"
        r"most effective|surest|quick|quickest|easy|easiest|simple|fastest|reliable|peaceful|"
        r"methods?|options?|tips?)\b.{0,50}\b(?:to|of|for) (?:die|dying|kill (?:my ?self|yourself|"
        r"oneself|urself)|end (?:it|my life|your life|it all)(?! with)|commit suicide|suicide|"
        r"unalive|overdos(?:e|ing)|od|hang (?:my ?self|yourself)|bleed out|suffocat(?:e|ing)|"
        r"not wake up|drown (?:my ?self|yourself)|kms)\b",
        r"\bpainless (?:way|ways|method|methods|suicide|exit|death for me)\b(?! (?:to|of) "
        r"(?!(?:die|"
        r"dying|kill|end|go|do it|overdose|od|not wake|commit|suicide|unalive)\b))",
        r"\bhow (?:long|fast) (?:does it|would it|will it|until|before|to|do you|does someone|"
        r"for someone)\b.{0,40}\b(?:die|death|bleed out|lose consciousness|suffocate|drown|"
        r"stop breathing|overdose)\b",
        r"\bwhat happens (?:if|when) (?:you|i|someone|a person|u) (?:take|takes|took|swallow|"
        r"swallows|drink|drinks|mix|mixes|overdose|ods?)\b.{0,40}\b(?:all|whole|bottle|bunch|"
        r"handful|lots|too many|\d{2,}|bleach|antifreeze|entire|box|pack)\b",
        r"\bhigh enough to (?:die|kill|not survive|be fatal|end it)\b",
        rf"\b(?:jump|jumping|jumped|leap|leaping|leapt|throw my ?self|fall|falling) (?:off|from) "
        rf"(?:a|the|this|"
        rf"that|my|our|some|any) (?:\w+ )?{PLACE}\b",
        r"\b(?:would|could|do|does|will) (?:i|you|someone|a person|people|u) (?:survive|die)\b"
        r".{0,30}\b(?:fall|jump|jumping|falling|floors?|stor(?:e)?ys|storeys|meters|metres|feet|"
        r"ft)\b",
        r"\bhow (?:high|tall|far)\b.{0,40}\b(?:jump|fall|die|survive|fatal|kill)\b",
        r"\b(?:jump|jumped|jumping|step|stepped|stepping|walk|walked|stand|standing|throw my ?self|"
        r"lie "
        r"down|lay down|"
        r"lie|lay)(?: out| off the (?:curb|kerb|platform| pavement))? (?:in front of|under|onto) "
        r"(?:a|the|an|some|oncoming) (?:train|bus|truck|car|lorry|traffic|subway|tube|metro)\b",
        r"\b(?:on|onto|lie on|lay on) the (?:train |railway |subway )?tracks\b",
        r"\b(?:tie|tying|make|making|knot|tied|buy|bought|get) (?:a|the|my) (?:noose|hangmans "
        r"knot)\b"
        r"|\bhow to (?:tie|make) a (?:noose|knot that (?:holds|wont slip))\b",
        r"\bwill (?:the|this|a|my) (?:rope|belt|scarf|cord|cable|extension cord|sheet) (?:hold|"
        r"take|"
        r"support|be strong enough)\b",
        r"\b(?:hang|hanging) (?:from|off) (?:the|a|my) (?:ceiling|door|doorknob|beam|tree|closet|"
        r"fan|rail|railing|bunk)\b",
        r"\bcarbon monoxide\b(?! (?:detector|alarm|leak|sensor|poisoning symptoms))|\bcharcoal "
        r"(?:burner|in (?:a|the|my) (?:room|tent|car))|\bcar running in (?:the|a|my) garage\b|"
        r"\b(?:helium|nitrogen|exit) (?:bag|hood|tank to die)\b",
        r"\b(?:drink|drinking|swallow|swallowing|ingest|mix|mixing) (?!.{0,40}\b(?:clean\w*|"
        r"vinegar|"
        r"ammonia|laundry|toilet|mou?ld)\b)(?:\w+ )?(?:bleach|antifreeze|"
        r"anti freeze|drano|rat poison|weed killer|pesticides?|cyanide)\b",
        r"\b(?:buy|get|getting|borrow|find|get hold of|get my hands on|acquire|access to)\b.{0,20}"
        r"\b(?:a |my |the |some )?(?:gun|guns|firearm|pistol|handgun|revolver|rifle|shotgun|"
        r"bullets?|ammo)\b.{0,40}\b(?:myself|die|end it|kill|quick|fast|tonight|without a "
        r"(?:license|background check)|no questions)\b",
        r"\b(?:my |dads |my dads |the |a )?(?:gun|pistol|revolver|rifle|shotgun) (?:to|against|"
        r"in) my (?:head|mouth|temple|chest)\b|\bpull(?:ing)? the trigger\b(?! on (?:the|a|this) "
        r"(?:deal|purchase|decision|plan))|\bbarrel in my mouth\b",
        r"\b(?:which|what) (?:vein|artery|arteries|veins)\b|\b(?:cut|slit|open) (?:my |your )?"
        r"(?:veins|artery|arteries)\b|\b(?:down the road|vertical|along the) (?:not across)\b",
        r"\bhow (?:deep|hard|long) (?:do|should|would|to|can|does)\b.{0,20}\bcuts?\b",
        r"\b(?:staring at|looking at|keep looking at|holding)\b.{0,20}\b(?:the |my |dads |my dads "
        r")?"
        r"(?:shotgun|rifle|pistol|revolver|noose|rope)\b",
        rf"\b(?:staring at|looking at|holding|counting|counted|lined up|lining up|sorting|"
        rf"stockpile of|pile of)\b.{{0,20}}\b(?:the |my |all (?:the |my )?)?(?:pills|tablets|meds|"
        rf"knife|blade|razor|rope|noose|gun|bottle of pills|bottle of \w+|{DRUG})\b"
        r"(?! (?:organi[sz]er|schedule|for the week))",
        r"\b(?:overdose|overdosing|od|oding|ods) (?:on|with) (?!(?:my |some |the |all "
        r")?(?:vitamins?|"
        r"caffeine|coffee|water|sugar|protein)\b)(?:my |some |the |all )?\w+",
        r"\b(?:ways|methods|how) to (?:hurt|harm) (?:my ?self|yourself)\b(?! less)",
        r"\b(?:where|which) (?:can i|could i|to|is a good place to|is the best place to) "
        r"(?:jump|die|hang|end it|go to die)\b",
        r"\b(?:kill|killing) (?:myself|yourself|oneself) (?:with|using|by)\b",
        rf"\b(?:is|are|would|will) (?:\d+|a|one|two|a bottle of|a pack of|a box of|all) (?:\w+ "
        rf"){{0,2}}"
        rf"(?:{DRUG}) (?:be )?(?:enough|sufficient)\b(?: (?:to|for)\b|\s*[?.!]*\s*$| or (?:do|"
        rf"would|should) "
        r"i (?:need|take) more)",
        r"\bhow many (?:floors|stories|storeys|meters|metres|feet)\b.{0,30}\b(?:jump|fall|die|"
        r"survive|fatal|kill)",
        r"\bbleed(?:ing)? out\b",
        r"\bhow (?:much|many)\b.{0,40}\b(?:liver failure|liver damage|organ failure|cardiac arrest|"
        r"stop (?:my|your|the|a) heart|stop breathing|kidney failure)",
        r"\bmake it look like an? (?:accident|natural death)\b",
        r"\bcan (?:you|i|someone|a person|people|u) (?:die|overdose|od) (?:from|on|by|of|"
        r"if)\b(?!.{0,70}\b"
        r"(?:my (?:kid|child|son|daughter|baby|toddler|dog|cat|puppy)|accidentally)\b)(?!.{0,20}"
        r"\b(?:vitamin|supplement|caffeine|coffee|water|sugar|gummies|fish oil|protein|energy "
        r"drink)\w*)",
        r"\bcan (?:you|i|someone|a person|u) (?:drown|bleed out|suffocate|hang) (?:in|from|with|on|"
        r"by)\b"
        r"(?!.{0,30}\b(?:baby|babies|toddler|child|children|kid|kids|dog|cat|puppy)\b)",
        r"\bway to go (?:without pain|peacefully|painlessly|quietly|quickly|in my sleep)\b",
        r"\b(?:wont|will not|doesnt|dont) let (?:me|you|someone) wake up\b",
        r"\bhow (?:much|many)\b.{0,40}\b(?:damage|destroy|shut down|fry|kill)\b.{0,10}\b(?:my|your|"
        r"the|a) (?:liver|kidneys|heart|organs)\b",
        r"\bsurvival (?:rate|chance|chances|odds)\b.{0,30}\b(?:jump|jumping|fall|falling|overdose|"
        r"hanging)\b",
        rf"\bhow (?:much|many) (?:of )?(?:\w+ ){{0,3}}(?:{DRUG}|medication|medicine|"
        rf"meds)\b.{{0,30}}\b(?:"
        r"dangerous|deadly|lethal|fatal)\b",
        r"\b(?:artery|arteries|vein|veins)\b.{0,30}\b(?:wrist|neck|thigh|arm)\b|\b(?:wrist|neck|"
        r"thigh)\b.{0,30}\b(?:artery|arteries|main vein)\b",
        r"\b(?:knock|put) (?:me|someone|you|a person) (?:out|to sleep) (?:forever|for good|"
        r"permanently)\b",
        r"\b(?:deadliest|most dangerous|most lethal|most toxic)\b.{0,30}\b(?:medicine cabinet|"
        r"cabinet|"
        r"house|home|kitchen|garage|pharmacy)\b",
        r"\b(?:tie|tying|attach|hang) (?:a |the |my )?(?:rope|belt|cord|sheet|"
        r"noose)\b.{0,20}\b(?:to|"
        r"from|on) (?:a |the |my )?(?:ceiling|ceiling fan|fan|beam|door|doorknob|closet rod|rail|"
        r"railing|tree|pipe)\b",
        r"\bwhen (?:you|someone|a person|people|i) (?:hang|overdose|od|drown|bleed out)\b",
        r"\buse on (?:my ?self|yourself|urself)\b",
        rf"\b{PLACE}\b.{{0,30}}\b(?:high enough|tall enough)\b",
        r"\b(?:where|how) (?:to|do i|do you|should i|would i) (?:shoot|stab|cut|hang) (?:my ?self|"
        r"yourself|urself)\b",
        r"\b(?:drive|driving|crash|crashing|steer|steering) (?:my (?:car|bike)|the car|it)? "
        r"?(?:into "
        r"(?:a|the) (?:wall|tree|truck|lorry|river|oncoming traffic|pole|bridge)|off (?:a|the) "
        r"(?:bridge|cliff|road))\b",
        r"\b(?:hold|support|take) (?:a persons?|my|someones|a humans?|my body|a bodys?|an adults?) "
        r"weight\b",
        r"\bmore painless\b|\bless painful\b.{0,20}\b(?:pills|hanging|jumping|cutting|drowning|"
        r"overdose|gun)\b|\b(?:pills|hanging|jumping|cutting|drowning|overdose|overdosing|a gun|"
        r"gun) "
        r"or (?:pills|hanging|jumping|cutting|drowning|an overdose|overdosing|a gun|gun)\b",
        rf"\b(?:get|buy|collect|save|gather|hoard) (?:enough|a lot of|more|extra) (?:{DRUG})\b(?! "
        rf"for "
        r"(?:the|my) (?:trip|holiday|vacation))",
        r"\b(?:most|more|least) (?:reliable|effective|painless|lethal|certain|foolproof) (?:method|"
        r"way|"
        r"option)s?\b(?! (?:to|for|of) (?!die|dying|kill|end|suicide|overdose))",
        r"\b(?:where|somewhere|place|point|spot) (?:\w+ ){0,3}(?:can|could) (?:jump|fall)\b",
        r"\b(?:make sure|ensure|guarantee)\b.{0,20}\b(?:overdose|it|hanging|jump|cut)\b (?:works|"
        r"is fatal|kills|succeeds|doesnt fail)\b",
        r"\bsuicide methods?\b|\bmethods? (?:of|for) suicide\b|\bways to (?:commit )?suicide\b",
        r"\b(?:fastest|quickest|strongest|most effective|painless|deadliest)\b.{0,15}\bpoisons?\b|"
        r"\bpoison (?:that|to|which) (?:kills|works)\b",
        r"\b(?:slit|slitting|open|opening) (?:my |your |the |their )?(?:wrists?|veins?|throat)\b",
        r"\b(?:make|let) (?:me|you|someone|a person) (?:not wake up|never wake up|die|stop "
        r"breathing|go "
        r"to sleep forever)\b",
        r"\b(?:thinking|think|thought) (?:about|of) (?:the )?(?:rope|noose|pills|bridge|blade|"
        r"razor|"
        r"gun)\b(?! (?:course|swing|bridge|club|in my bag for))",
        r"\b(?:make sure|ensure|guarantee) (?:i|that i|it) (?:dont|do not|wont|will not|doesnt) "
        r"(?:survive|wake up|fail|come back)\b",
        r"\b(?:height|high|tall|far|deep|long|much|many|dose|amount|floor|floors|story|"
        r"storey)\b.{0,30}"
        r"\bto (?:die|kill (?:you|"
        r"me|someone|a person)|be fatal|not survive|end it)\b",
        r"\b(?:rope|knot|belt|cord|noose|beam)\b.{0,20}\bfor hanging\b(?! (?:a |the |my |some |up "
        r")?"
        r"(?:\w+ )?(?:hammock|swing|picture|pictures|painting|frame|mirror|shelf|plant|plants|"
        r"lights|"
        r"bird ?feeder|washing|laundry|clothes|tarp|sign|bag|bike|boat|tent|decorations?|flag|"
        r"pots?|pans?|tyre|tire)\b)|\bis (?:hanging|drowning|"
        r"overdosing|bleeding out|jumping|an overdose|suffocation|carbon monoxide|drowning "
        r"yourself|"
        r"slitting) (?:painful|quick|painless|peaceful|fast|instant|reliable)\b",
        r"\b(?:vertical(?:ly)?|horizontal(?:ly)?|lengthwise|down the road|across the "
        r"street)\b.{0,30}"
        r"\b(?:cut|cutting|cuts|wrists?|veins?)\b|\b(?:cut|cutting|"
        r"cuts)\b.{0,20}\b(?:vertical(?:ly)?"
        r"|horizontal(?:ly)?|lengthwise)\b",
        r"\b(?:shut|shuts|shutting) (?:your|my|the|a) (?:organs|body|liver|kidneys|heart) down\b",
        r"\b(?:does it|would it|will it|is it) (?:hurt|painful|quick|instant)\b.{0,30}\b(?:hit by "
        r"a "
        r"(?:train|car|bus|truck)|jump|fall|hang|drown|overdose|bleed|shoot)",
        r"\b(?:bridge|bridges|roof|rooftop|building|cliff|parking garage|balcony|car park|multi "
        r"?storey)"
        r"\b.{0,40}\b(?:no "
        r"fence|without a (?:fence|railing|barrier|net)|no (?:railing|barrier|net|suicide net)|"
        r"unguarded|is there a (?:fence|railing|barrier|net)|(?:has|have) (?:a )?(?:fence|railing|"
        r"barrier|suicide net)s?)\b",
        r"\b(?:cyanide|nembutal|pentobarbital|barbiturates|strychnine|arsenic|sodium "
        r"nitrite)\b.{0,20}"
        r"\b(?:easy to get|where to (?:get|buy)|buy|order|get hold|get some)\b",
        r"\b(?:take|took|swallow|swallowed|taking) (?:my|the|a|an) (?:whole|entire|full) (?:"
        r"prescription|bottle|pack|box|supply|month of \w+)\b(?! of (?!(?:my |the |her |his |your "
        r")?"
        rf"(?:{DRUG})\b))",
        r"\bhow (?:fast|quickly|long|soon)\b.{0,20}\b(?:would|will|do|does|can) (?:i|you|someone|a "
        r"person) die\b",
        r"\bpoisonous to (?:drink|swallow|ingest|inhale)\b|\b(?:chemicals?|cleaning products?|"
        r"household \w+)\b.{0,30}\b(?:deadly|lethal|toxic|kill you|kill me) (?:to drink|if you "
        r"drink|"
        r"if i drink|to swallow)\b",
        r"\b(?:too much|too many|enough)\b.{0,25}\bto (?:not wake up|never wake up|wake up from|"
        r"die|"
        r"not survive)\b|\btoo (?:much|many)\b.{0,25}\bto survive\b",
        r"\bpass out and die\b|\b(?:pass out|lose consciousness)\b.{0,25}\b(?:and|then|before)"
        r" (?:die|dying|death)\b",
        r"\b(?:googling|searching|researching|looking up|reading about|watching videos (?:on|"
        r"about)) "
        r"(?:how (?:people|to|you|i|do people)|ways to|methods|painless)\b.{0,20}\b(?:die|kill|end|"
        r"suicide|overdose|hang|dying)\b",
        r"\b(?:walk|walking|swim|swimming|wade|wading) (?:into|out into|out to) (?:the )?(?:sea|"
        r"ocean|"
        r"lake|river|water|waves)\b(?! (?:with|for a swim|to cool))",
        r"\b(?:would|will|could|can|does|do)\b(?! (?:never|not|rather)\b).{0,40}\b(?:kill me|kill "
        r"you|kill someone|kill (?:an adult|a person|a human|a grown (?:man|woman|up)|"
        r"someone my size|a teenager|a kid)|be fatal|be "
        r"enough to die|end my life)\b(?! (?:lol|haha|if|when))",
        r"\b(?:does|would|will|is|do|are) (?:drowning|hanging|bleeding out|an overdose|overdoses|"
        r"overdosing|"
        r"jumping|suffocating|suffocation|getting hit by a train|being hit by a train|slitting|"
        r"dying (?:by|from) \w+|carbon monoxide) (?:\w+ )?(?:hurt|painful|peaceful|painless|quick|"
        r"fast|slow|feel like)\b",
        r"\bhow long (?:can|could|does|would|will) (?:you|a person|someone|u|i|one|people) "
        r"(?:survive|last|stay alive)\b.{0,20}\b(?:freezing|icy|ice cold|cold) (?:water|river|lake|"
        r"sea)\b",
        r"\b(?:what|which) (?:height|floor|dose|amount|number of (?:pills|tablets|floors))\b.{0,30}"
        r"\b(?:guaranteed|guarantee|certain|surely|for sure|enough to|fatal|lethal|deadly|"
        r"death|die|kills?|to not survive)\b",
        rf"\b(?:dose|doses|pills|tablets|mg|amount|{DRUG})\b.{{0,40}}\bbefore (?:it|they|that|"
        r"you|it starts to) (?:kills?|would kill|will kill|die|dies) ?(?:you|me|someone|a person|"
        r"u)?\b",
        rf"\b(?:can|could|will|would|does|do) (?:a |an )?(?:whole |entire |full )?(?:bottle|box|"
        rf"pack|"
        rf"overdose|handful) (?:of )?(?:\w+ )?(?:{DRUG})? ?(?:kill|be fatal|be lethal|be deadly)\b",
        r"\b(?:best|easiest|quickest|quietest|painless|peaceful|cleanest) way to (?:go out|check "
        r"out|"
        r"go|leave this world|slip away)\b(?=\s*[.?!]|$| quietly| peacefully| painlessly| for "
        r"good)",
        r"\bhow (?:quickly|fast|long)\b.{0,20}\b(?:an? )?(?:overdose|od)\b",
        r"\b(?:jump|jumped|fell|fall|jumping|falling)\b.{0,50}\b(?:would|could|will) (?:i|you|"
        r"someone|a person|u) (?:die|survive|be killed)\b",
        r"\b(?:does it|would it|will it|it takes|it would take) (?:take )?to (?:die|kill|not wake "
        r"up|"
        r"stop breathing|bleed out|drown|freeze to death)\b",
        r"\b(?:way|method|amount|dose|how many|how much)\b.{0,40}\bso (?:that )?(?:i|you|they|"
        r"someone|"
        r"it) (?:dont|do not|wont|never|will not|doesnt) (?:wake up|survive|fail|end up in "
        r"hospital)\b",
        r"\b(?:dose|amount|how many|how much|number of pills)\b.{0,30}\bthat (?:kills?|would kill|"
        r"will "
        r"kill|is fatal|is lethal|is deadly|stops? (?:your|the|my) heart)\b",
        r"\b(?:letters?|notes?) (?:to|for) (?:\w+ ){0,3}(?:open|read) (?:after|when im gone|once "
        r"im "
        r"gone|after im gone)\s*(?:[.!]|$)",
        r"\b(?:could|would|will|can|might) (?:i|you|someone|a person|u) die (?:from|if (?:i|you) "
        r"(?:take|took|swallow|swallowed|drink|drank)|by|of) (?:taking|swallowing|eating|drinking|"
        r"an? "
        r"overdose|\d+)\b",
        r"\bhow (?:do|does|would|can|did|long do) (?:people|someone|a person|you|i|u|one) (?:die|"
        r"kill themselves|overdose|od) (?:from|with|by|on|using|of)\b",
    ),
    _rule(
        "means_question", "means", 2, False,
        rf"\b(?:tallest|highest|high|tall|height of)\b.{{0,30}}\b{PLACE_HIGH}\b.{{0,40}}(?:near me|"
        r"in (?:my|this|the) (?:city|town|area)|around here|within (?:driving|walking) distance|"
        r"nearby|close to (?:me|here)|taller than|higher than|\d+ ?(?:m|meters|"
        r"metres|feet|ft|floors|stories|storeys)\b|can i get (?:to|on)|access)",
        r"\b(?:which|what) (?:bridges?|buildings?|parking garages?|cliffs?)\b.{0,30}\b(?:taller|"
        r"higher|tallest|highest|high|above|over|more than)\b(?!.{0,40}\b(?:in the world|in europe|"
        r"in "
        r"america|in the us|quiz|homework|school|project|trivia|fact|ever built|shot|shots|photo|"
        r"photos|photograph\w*|pics?|drone|view|views|sunset|sunrise|picture|pictures|hike|hiking|"
        r"visit|see)\b)",
        rf"\bhow (?:many|much) (?:{DRUG}|\w+ {DRUG})\b.{{0,30}}\b(?:too many|too much)\b",
        r"\b(?:where|how) (?:can i|do i|to|could i) (?:buy|get|find|order|obtain)\b.{0,20}\b(?:a "
        r"|some )?(?:gun|firearm|pistol|handgun|revolver|rope|noose|helium|charcoal|cyanide|"
        r"sleeping pills|barbiturates|nembutal|pentobarbital|fentanyl)\b(?!.{0,30}\b(?:boat|"
        r"climbing|"
        r"camping|garden|tent|swing|dog|horse|sailing|crafts?|macrame|tug of war|hunting|range|"
        r"tarps?|"
        r"truck|trailer|cargo|ute|roof rack|moving|furniture|hammock|tying|tie down|towing|kayak|"
        r"canoe|fence|skipping|jump rope|goats?|cows?)\b)",
        r"\b(?:when|what time) (?:does|do|is) (?:the )?(?:next |last |express |freight )?(?:train|"
        r"trains)\b.{0,30}\b(?:pass|come through|go through|fastest|not stop)\b",
        r"\bnooses?\b",
        r"\b(?:multi ?storey|multi ?story|car park|parking garage|roof|rooftop|"
        r"bridge)\b.{0,40}\b(?:"
        r"open|locked|accessible|unlocked) (?:at night|after dark|late|all night|24)",
        r"\b(?:nearest|closest) (?:high |tall )?(?:cliffs?|rooftops?|train tracks|railway line)\b|"
        r"\b(?:nearest|closest) (?:high|tall) (?:bridges?|buildings?)\b",
        r"\b(?:what|which|how much|how many)\b.{0,10}\b(?:dose|doses|amount|mg|pills)\b.{0,30}\b(?:"
        r"dangerous|deadly|lethal|fatal|toxic)\b",
        r"\bhow (?:do|does|would|can) (?:a |you |people |someone )?(?:hang|hanging)\b(?! out| up)",
        r"\b(?:nembutal|pentobarbital|barbiturates|exit bag|peaceful pill)\b",
        rf"\b(?:most|more|least|the) (?:deadly|lethal|dangerous|toxic|fatal)\b.{{0,20}}\b(?:pills|"
        rf"meds|"
        rf"medications?|drugs|{DRUG}|way|method|poison|overdose)",
        rf"\b(?:pills|meds|drugs|{DRUG})\b.{{0,40}}\b(?:most|more|are|is|theyre|they are|its|it is|"
        rf"can "
        r"be|could be|would be) (?:deadly|lethal|fatal)\b",
        r"\b(?:strongest|most powerful)\b.{0,20}\b(?:painkiller|sleeping pill|pill|medication|meds|"
        r"sedative|opioid)s?\b(?!.{0,60}\b(?:back pain|toothache|tooth|migraine|headache|period|"
        r"cramps|"
        r"knee|arthritis|sprain|injury|surgery|lifting|my back|wisdom teeth)\b)",
        r"\b(?:get my hands on|get hold of|steal|sneak)\b.{0,20}\b(?:morphine|fentanyl|oxycodone|"
        r"oxycontin|opioids|insulin|sleeping pills|barbiturates|xanax|benzos)\b",
        r"\b(?:how|what|which|would|will|is|are|can)\b.{0,50}\b(?:to be|be|is|are) (?:fatal|lethal|"
        r"deadly)\b",
        r"\b(?:tallest|highest)\b.{0,40}\bi can (?:get|go|climb) (?:to|onto|on|up)\b",
    ),
    _rule(
        "height_question", "means", 1, False,
        r"\b(?:tallest|highest|how tall|how high|height of)\b.{0,30}\b(?:bridges?|cliffs?|parking "
        r"(?:garage|structure)s?|car parks?|overpass|dam|buildings?)\b",
    ),
    # ---- plan, timing, preparation -----------------------------------------------------------
    _rule(
        "plan", "plan", 3, True,
        r"\b(?:planned|planning|plan|planed) (?:out )?(?:my (?:suicide|death|exit|own death)|how "
        r"(?:to|i will|im going to|ill) (?:die|kill|end|do it)|when (?:to|i will|ill) (?:die|do it|"
        r"end it))\b",
        r"\b(?:have|got|made|make|making|wrote|written|came up with) (?:a |my )?(?:suicide|exit|"
        r"death) plan\b",
        r"\b(?:picked|chose|chosen|set|decided on|found) (?:a|the|my) (?:date|day|time|spot|place|"
        r"bridge|method|way|building)\b.{0,30}\b(?:die|do it|end it|kill my ?self|to go|for it)\b",
        r"\b(?:know|figured out|worked out|decided|researched|looked up|googled) (?:exactly )?"
        r"(?:how|when|where|the best way) (?:im going to|i will|ill|i want to|to|i am going to|"
        r"i can|i could) (?:do it|end it|die|kill my ?self|go|end my life)\b",
    ),
    _rule(
        "plan_marker", "plan", 0, False,
        r"\b(?:i (?:have|ve got|got|made|ve made|came up with) a plan|(?:my|the) plan is|its all "
        r"planned|everything is (?:planned|ready|set|sorted)(?! for (?:the|my|our|a|your|his|her|"
        r"their)\b)|(?:thats|its|is) the plan\b|i know how|i know when|i know where|"
        r"decided (?:how|when)|made (?:my|up my) (?:mind|decision)|ive decided|i have decided|"
        r"i decided|my decision|made (?:my )?peace with (?:it|my decision|dying|everything(?! "
        r"(?:that|which|about|in|from))|it all)|my mind is made up|"
        r"(?:found|picked|chose) (?:a|the) "
        r"(?:spot|place))\b",
    ),
    _rule(
        "intent", "plan", 3, True,
        r"\b(?:im|i am|i will|ill|i shall|im going|going to|gonna|planning to|plan to|ready to|"
        r"about to|decided to|finally going to|finally gonna|im finally|tonight i|i want to|i "
        r"wanna|"
        r"i need to) (?:(?!not |never )\w+ )?(?:kill my ?self|end it all|end my life|end it|take "
        r"my (?:own )?life|"
        r"unalive my ?self|kms|overdose|od|hang my ?self|use it on my ?self|ending it|ending my "
        r"life|"
        r"killing my ?self|swallow all of them|take all of them|take them all|swallow them all|"
        r"drive "
        r"(?:my car |the car )?(?:into|off) (?:a|the)|crash my car|"
        r"take everything (?:in|from) (?:my|the) (?:medicine )?cabinet|take every (?:single )?"
        r"(?:pill|tablet)|swallow every (?:single )?(?:pill|tablet)|walk "
        r"into the (?:sea|ocean|river|lake)|take all (?:of )?(?:the|my|these|those) "
        rf"(?:{DRUG})|swallow all (?:of )?(?:the|my|these) (?:{DRUG})|take (?:the|a) whole "
        rf"bottle)\b"
        r"(?! (?:with|on (?:coffee|caffeine|sugar|chocolate|candy|netflix|anime|tiktok)))",
        r"\b(?:im|i am) (?:about|going|gonna|ready) to jump\s*(?:[.!]|$)|\b(?:im )?gonna "
        r"jump\s*(?:[.!]|$)"
        r"|\b(?:swallow|take) everything i (?:have|got)\b",
    ),
    _rule(
        "intent", "plan", 3, True,
        r"(?:^|[.!,] )(?:and )?(?:ending it|ending it all|ending things|doing it|killing my ?self) "
        r"(?:tonight|today|tomorrow|now|right now|soon|this week(?:end)?)\b(?! with)",
    ),
    _rule(
        "intent", "plan", 3, True,
        r"\b(?:im|i am|going to|gonna|about to|ready to|ill|i will) jump in (?:\d+|a few|an?|ten|"
        r"five|"
        r"two|twenty|thirty) (?:min|minutes|mins|hours?|seconds)\b",
    ),
    _rule(
        "intent_vague", "plan", 0, False,
        r"\b(?:im|i am|i will|ill|im going|going to|gonna|planning to|plan to|ready to|about to|"
        r"decided to|finally going to|finally gonna|tonight i) (?:\w+ )?(?:do it|doing it|use it|"
        r"use them|go through with it|"
        r"going through with it|be gone|not be here|say goodbye|leave (?:for good|forever|this "
        r"world)|"
        r"finally do it)\b",
        r"\bdoing it (?:tonight|tomorrow|today|this weekend|right now|soon|at \d+|when|after|"
        r"before)\b",
        r"\b(?:tonight|today) is the (?:night|day)\b|\bits (?:time|happening) (?:tonight|today)\b",
        r"\bso thats (?:when|the day|the night)\s*(?:[.!]|$)|"
        r"\b(?:tonight|today|tomorrow) i go\s*(?:[.!]|$)|\bthen (?:its|it is|it will be|ill be) "
        r"(?:over|done|finished|the end)\s*(?:[.!]|$)",
        r"\b(?:im|i am) ready\s*(?:[.!]|$)|\bready to (?:go|do it|end it)\b(?!.{0,30}\b(?:lets|"
        r"road|trip|party|out|home|school|work|gym|beach|airport|car|when you are|when youre)\b)",
        r"\b(?:im|i am|started|start) (?:\w+ )?climbing over\b|\bclimb(?:ed)? over the (?:railing|"
        r"rail|"
        r"fence|barrier|edge)\b",
        r"\b(?:im|i am) (?:going|walking) in\s*(?:[.!]|$)|\b(?:going|walking|wading) into the "
        r"(?:water|"
        r"river|lake|sea|ocean)\b",
        rf"\b(?:im|i am|going to|gonna|will|ill|about to) (?:\w+ )?(?:taking|take|swallowing|"
        rf"swallow) "
        rf"(?:the|those|these) (?:{DRUG})\b",
        r"\b(?:im|i am|i will|ill|im going to|going to|gonna|about to|ready to) (?:\w+ )?jump\b"
        r"(?! (?:in(?! (?:\d+|a few|an?|ten|five|two|twenty|thirty) (?:min|minutes|mins|hours?|"
        r"seconds))"
        r"|into|on|onto|rope|start|ship|the queue|the gun|out of bed|for joy|at the chance))",
        r"\b(?:im|i am|i will|ill|going to|gonna|about to|planning to|decided to|then) (?:\w+ )?"
        r"(?:taking|take|swallow|swallowing|down|downing|use|using) (?:them|em|it all|all of them|"
        r"the lot|all of it|every single one|the whole (?:bottle|pack|box))\b",
    ),
    _rule(
        "covert_timing", "plan", 0, False,
        r"\b(?:once|when|after|as soon as|while|till|until) (?:my )?(?:mom|mum|dad|parents|family|"
        r"roommate|"
        r"flatmate|housemate|everyone|everybody|they|he|she|wife|husband|kids) (?:leaves|leave|"
        r"goes|go|"
        r"is away|are away|goes away|falls asleep|"
        r"fall asleep|is asleep|are asleep|are gone|is gone|goes to (?:bed|sleep|work)|go to "
        r"(?:bed|"
        r"sleep|work)|leaves for work|are out|is out)\b|\b(?:been drinking|im drunk|im so drunk|im "
        r"wasted)\b|\b(?:once|after|when) i (?:send|post|hit send on) this\b|\b(?:nobody|no one|"
        r"noone)"
        r" (?:is|s) (?:home|"
        r"here|around)\b|\b(?:home|house) alone\b|\balone in the house\b|\b(?:nobody|no one|noone) "
        r"(?:will be|is going to be|wont be) (?:home|here|around|in)\b",
    ),
    _rule(
        "timing", "plan", 0, False,
        r"\b(?:(?:once|when|after|as soon as) (?:my )?(?:mom|mum|dad|parents|family|roommate|"
        r"everyone|they|he|she|wife|husband) (?:leaves|leave|goes|go|falls asleep|is asleep|are "
        r"asleep|are gone|is gone|gets home|go to work|leaves for work)|after this (?:message|text|"
        r"post|conversation|chat)|(?:for|on|this|next|by) (?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday)|tonight|today|tomorrow|(?:on|this|next) (?:weekend|evening|"
        r"morning|afternoon|week|friday|saturday|"
        r"sunday|monday|tuesday|wednesday|thursday)|right now|in (?:an|a few|\d+|two|few|one|"
        r"half an) (?:hour|hours|minutes|mins|days)|at (?:midnight|\d+ ?(?:am|pm)|\d+:\d+)|"
        r"after (?:everyone|they|my (?:parents|family|mom|dad|roommate|wife|husband)) (?:go|goes|"
        r"is|are|falls?|leave|leaves)|when (?:everyone|they|my (?:parents|family|mom|dad)) (?:is|"
        r"are|go|goes) (?:asleep|gone|out|to bed|to sleep)|when everyones? (?:is )?(?:asleep|gone|"
        r"out)|before (?:morning|sunrise|dawn|"
        r"the sun comes up)|on my birthday|this is the (?:night|day)|very soon|"
        r"by (?:morning|tomorrow)|when the sun (?:sets|comes up)|(?:on|by|after|before) the "
        r"\d+(?:st|nd|rd|th)|"
        r"after my (?:exams?|finals|birthday|shift|last (?:exam|shift|class))|this time next "
        r"week)\b",
    ),
    _rule(
        "means_possession", "means", 0, False,
        rf"\b(?:i (?:have(?! to\b)|got|ve got|bought|saved|stocked|collected|hid|hidden|keep|kept|"
        rf"found|"
        rf"filled)|ive (?:got|bought|saved|collected|hidden)|i have (?:been )?(?:saving|"
        rf"collecting)|"
        rf"just bought|got hold of|(?:here|ready|next to me|in front of me|in my hand|in my pocket|"
        rf"in my bag|on my desk|on the table|beside me)\b)\b.{{0,30}}\b(?:{DRUG}|rope|noose|gun|"
        rf"pistol|razor|razors|blade|blades|knife|belt|charcoal|helium|bottle|everything i need)\b",
    ),
    _rule(
        "means_ready", "means", 2, False,
        rf"\b(?:{DRUG}|rope|noose|gun|razor|blade|blades|knife|belt|bottle)\b (?:is |are "
        rf")?(?:right |all )?"
        r"(?:in a pile |piled up )?(?:ready|"
        r"here|next to me|in front of me|in my hand|in my hands|in my lap|on my lap|in my pocket|"
        r"lined "
        r"up|on my desk|on the table|beside me|all set|counted|(?:hidden )?(?:under|behind) my "
        r"(?:mattress|"
        r"pillow|bed)|hidden)\b(?! (?:for|to take|with my (?:breakfast|dinner|water)))",
    ),
    _rule(
        "means_in_place", "means", 3, False,
        r"\b(?:sitting|lying|laying|standing|im|i am) (?:\w+ )?(?:in|on) (?:the |my )?(?:bathtub|"
        r"tub|"
        r"bath|bathroom floor|bathroom|bedroom|shower|bed|car|garage|roof|bridge|woods|"
        r"forest)\b.{0,20}"
        r"\bwith (?:a|the|my|"
        r"all my|some) (?:razor|razors|blade|blades|knife|gun|rope|noose|pills|bottle of pills)\b",
    ),
    _rule(
        "bath_setting", "means", 0, False,
        r"\b(?:filled|ran|running|run) (?:the|a) (?:bath|bathtub|tub)\b",
    ),
    _rule(
        "place_mention", "means", 0, False,
        r"\b(?:bridge|roof|rooftop|cliff|cliffs|train tracks|tracks|ledge|balcony|parking garage|"
        r"overpass|tower|highest point)\b",
    ),
    _rule(
        "finality_papers", "finality", 3, False,
        r"\b(?:my )?(?:will|passwords|bank details|life insurance (?:details|"
        r"papers))\b.{0,20}\b(?:in "
        r"an envelope|for my (?:sister|brother|mom|dad|family|kids|wife|husband|partner|"
        r"parents))\b",
    ),
    _rule(
        "height_remark", "means", 0, False,
        r"\b(?:its|it is|so|really|very) (?:really |so |very )?(?:high|far down|a long way down)\b|"
        r"\blooking down\b|\bthe water (?:below|under)\b|\b(?:hear|see) the train\b|\btrain is "
        r"coming\b|\b(?:\d+(?:st|nd|rd|th)|top|tenth|"
        r"ninth|eighth|twelfth|twentieth) floor\b",
        r"\b(?:its|it is|this is|looks|the drop is|the water is) (?:\w+ )?(?:deep|high|tall|cold|"
        r"fast|far "
        r"down) enough\b|\b(?:so|really|very) (?:quiet|cold|windy|high|peaceful|dark) up here\b",
    ),
    _rule(
        "at_hand_pronoun", "means", 0, False,
        r"\bi (?:have|got|ve got) (?:them|it|everything|it all|all of them) (?:here|ready|with me|"
        r"next "
        r"to me|in front of me|in my (?:hand|bag|pocket|room))\b",
        r"\b(?:i|ive) (?:have|got|ve got) everything(?: i need| ready| here)?\s*(?:[.!,]|$)",
        rf"\b(?:took|got|taken) (?:the|my|all the|all my) (?:{DRUG}) out\b",
    ),
    _rule(
        "at_place", "means", 0, False,
        r"\b(?:im|i am|waiting) (?:\w+ )?(?:at|on) (?:the )?(?:station|platform)\b.{0,40}\b(?:fast|"
        r"express|next|freight|oncoming) train\b",
        r"\b(?:parked|standing|sitting|waiting|im|i am) (?:\w+ )?(?:by|at|near|next to) (?:the |a "
        r")?"
        r"(?:river|lake|sea|ocean|quarry|canal|reservoir)\b",
        r"\b(?:sitting|standing|im|i am) (?:on|in) (?:my |the |a )?(?:windowsill|window sill|"
        r"window "
        r"ledge|open window)\b",
        r"\b(?:writing|typing|texting|sitting|standing) (?:this )?(?:from|on) (?:the|a) (?:roof|"
        r"rooftop|"
        r"bridge|ledge|edge|tracks|cliff)\b(?! of (?:the |my |a )?(?:pool|bed|seat|table|sofa|"
        r"couch|stage|"
        r"field|court|bath|tub|chair|desk|water))",
        r"\b(?:driving|walking|going|heading|on my way|riding|cycling|taking the bus) (?:\w+ )?to "
        r"(?:the|a) (?:bridge|cliffs?|tracks|train tracks|roof|rooftop|station|dam|overpass|"
        r"parking "
        r"garage|sea|ocean|river|lake)\b(?= (?:now|right now|tonight|to|and|\.|,)|$)(?! to "
        r"(?:watch|see|"
        r"meet|take|get|walk|run|fish|have|photograph|look at|swim|skate|paint|draw|"
        r"feed))(?!.{0,30}\b(?:"
        r"fireworks|picnic|sunset|sunrise|parade|festival|concert|swim|fishing)\b)",
        r"\b(?:standing|sitting|im|i am|currently|already|right|parked|waiting) (?:\w+ )?(?:on|at|"
        r"near|by|over|under|in) (?:the |a |this |my )?(?:train |railway |rail |old |high |highway "
        r"|"
        r"motorway )?(?:edge|ledge|railing|rooftop|roof|bridge|"
        r"tracks|train tracks|train station|platform|cliff|balcony|top of (?:the|a) (?:\w+ ){0,2}"
        r"(?:building|bridge|parking garage|car park|multi ?storey|tower))\b(?! of (?:the |my |a "
        r")?(?:pool|bed|"
        r"seat|table|sofa|couch|stage|field|court|bath|tub|chair|desk|water))",
        r"\b(?:she|he|they|friend|sister|brother|mom|dad|son|daughter) (?:is|s|are) (?:\w+ )?(?:on|"
        r"at)"
        r" (?:the )?(?:bridge|roof|ledge|edge|tracks|railing)\b",
    ),
    _rule(
        "at_place", "means", 0, False,
        r"\b(?:on|at) the (?:platform|station|level crossing|crossing)\b.{0,60}\b(?:fast|express|"
        r"non "
        r"stop|freight|next) (?:one|train)\b",
    ),
    _rule(
        "at_edge", "means", 3, False,
        r"\b(?:standing|sitting|im|i am|currently|right now i am|waiting|lying|laying) (?:\w+ "
        r")?(?:on|"
        r"at|near) (?:the |a |this )?(?:edge of (?:the |a |this )?(?:bridge|roof|rooftop|cliff|"
        r"building|platform|parking garage)|ledge|railing|train tracks|railway tracks|railway line|"
        r"tracks|wrong side of the railing)\b(?!.{0,50}\b(?:climbing|gym|trip|hike|hiking|view|"
        r"photo|pic|lol|fun|model|lego|toy|game|minecraft|video|delayed|commute|work|club|meetup|"
        r"trainspotting|spotting|childhood|old railway|path|trail|abandoned|for the "
        r"train|station|home in|on my way|omw)\b)",
        r"\b(?:climbed|climbing|sitting|sat|standing) (?:over|on|onto) (?:the )?(?:railing|barrier|"
        r"fence|ledge) (?:of|on) (?:the |a )?(?:bridge|roof|overpass|building|balcony)\b",
    ),
    _rule(
        "preparation", "preparation", 4, True,
        r"\b(?:wrote|written|writing|write|left|leaving|finished|drafted|typed|recorded|done) "
        r"(?:\w+ ){0,2}(?:suicide|goodbye|farewell|final|last|good bye) (?:note|notes|letter|"
        r"letters|message|messages|video|texts)\b",
        r"\b(?:wrote|written|writing|finished|left) (?:\w+ )?(?:notes|letters) (?:to|for) "
        r"(?:everyone|each of (?:you|them|my \w+)|my (?:family|parents|kids|friends|loved ones|"
        r"siblings)|"
        r"the people i love|whoever finds me)\b",
        r"\bnote (?:to|for) (?:whoever finds me|my family|my parents|the people who find me)\b",
        r"\bfor (?:whoever|whomever|the person who|the one who) finds (?:me|my body|the (?:apartment|"
        r"flat|house|room|place)|this)\b",
        r"\b(?:wrote|written|writing) (?:everyone|each of them|all of them|my (?:family|parents|"
        r"kids|"
        r"friends|siblings)) (?:\w+ )?(?:letters|notes|a letter|a note)\b",
        rf"\b(?:meds|pills|tablets|{DRUG})\b.{{0,40}}\b(?:saved|saving|stockpiled|stockpiling|"
        rf"hoarded|"
        r"hoarding|collected|collecting|stashed) (?:them|it|those) (?:all )?(?:up)?",
        r"\bsaid (?:goodbye|bye|my goodbyes) to\b.{0,30}\bwithout (?:her|him|them|anyone) "
        r"knowing\b",
        r"\b(?:the |my )?(?:suicide |goodbye )?(?:note|letters?) (?:is|are) (?:written|done|ready|"
        r"finished)\b",
        rf"\b(?:{DRUG}) (?:are |is )?(?:counted out|lined up|sorted out|laid out|all counted)\b",
        r"\b(?:ill|i will|im going to|i am going to|gonna) be (?:dead|gone) (?:by|before|tomorrow|"
        r"tonight|soon|this)\b",
        r"\bcut (?:way |too |so |really |very )?deep\b.{0,40}\bblood\b|\b(?:a lot of|so much|lots "
        r"of|"
        r"too much) blood\b(?! (?:test|work|donation|drive|pressure|sugar))",
        r"\b(?:said|saying) (?:my )?(?:goodbyes?|bye) to (?:\w+ ){1,3}(?:for the last time|one "
        r"last "
        r"time|forever|for good)\b",
        r"\b(?:wrote|written|writing|left) (?:a |my )?(?:note|letter|letters) (?:to|for) (?:my )?"
        r"(?:\w+ )?(?:explaining (?:why|everything)|saying (?:goodbye|sorry))\b|\b(?:note|letter)"
        r" (?:to|for) (?:my )?(?:\w+ )?explaining why\b",
        r"\b(?:writing|wrote|written|finished|left) my (?:note|letters|goodbyes?)\b(?! (?:for|in|"
        r"on) "
        r"(?:class|school|work|the exam|chemistry|biology|history|math))(?!.{0,30}\b(?:teacher|"
        r"school|"
        r"class|doctor|boss|work|sick|exam|absence|landlord|neighbou?r|speech|party|card|"
        r"retirement|"
        r"leaving do|colleague|wedding|santa|pen ?pals?|with the kids)\b)",
        rf"\b{BIG_AMOUNT} (?:of )?(?:\w+ )?(?:{DRUG}) (?:are |is )?(?:in a pile |piled up |all "
        rf")?(?:in "
        r"my hand|in front of me|lined up|counted "
        r"out|on my desk|on the table|ready|next to me)\b",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|stashing|"
        rf"stashed|building up|gathering|gathered|stocking up on) (?:up )?(?:\w+ )?(?:\w+ "
        rf")?(?:{DRUG})"
        r"\b(?! (?:for (?:my|the|a) (?:trip|holiday|vacation|flu season)|prescription))",
        r"\b(?:gave|giving|give|given|been giving|started giving) away (?:all )?(?:of )?(?:my|all "
        r"my) "
        r"(?:\w+ )?(?:stuff|things|belongings|possessions|clothes|games|books|pets?|cat|dog|plants|"
        r"savings|art|figures|collection|valuables)\b(?<!baby clothes)(?<!old clothes)(?! (?:to "
        r"(?:charity|goodwill|the thrift)|because (?:im|we are) moving))(?!.{0,60}\b(?:free to|"
        r"collection only|pick ?up|outgrown|grown out|turned \d|declutter\w*|moving house|marie "
        r"kondo|"
        r"for free|free for)\b)",
        r"\b(?:gave|giving|give|given) (?:all )?(?:of )?my (?:\w+ )?(?:stuff|things|belongings|"
        r"possessions|"
        r"books|clothes|games|art|figures|collection|valuables|jewell?ery|records|guitar|plants) "
        r"away\b(?!.{0,40}\b(?:library sale|charity|goodwill|thrift|oxfam|sale|moving|declutter\w*|"
        r"clear\w* out|spring clean\w*|donat\w*|car boot|outgrown|too small)\b)"
        r"(?! (?:to charity|because))",
        r"\b(?:said|saying|say) (?:my )?(?:final |last )?goodbyes? to (?:everyone|everybody|my "
        r"family|all|my friends|the people i love)\b(?=.{0,40}\b(?:tonight|forever|for good|"
        r"last|final|no more|gone)\b)",
        r"\bby the time (?:you|u|anyone|someone|they|my \w+) (?:read|reads|see|sees|get|gets|find|"
        r"finds|wake|wakes) (?:up )?(?:this|it|me|my)\b",
        r"\b(?:forgive|please forgive) me (?:for what|for this|for doing this)\b|\bim sorry for "
        r"what "
        r"(?:im about to|i am about to|i will|ill) do\b",
        r"\b(?:last|final) (?:night|day|time|sunset|meal|breath|message|song)s? (?:on earth|alive|"
        r"of "
        r"my life|ever|before i (?:go|die|leave))\b|\bmy last (?:night|day|week) (?:alive|on "
        r"earth)\b|"
        r"\b(?:tonight|today|this) is my (?:last|final) (?:night|day|evening)\b(?! (?:before|at|of|"
        r"in|on|"
        r"with|as|here|off|in)\b)(?!.{0,30}\b(?:holiday|vacation|work|job|school|term|leave|"
        r"contract|"
        r"shift|trip|break|office)\b)",
        r"\b(?:wont|will not|not going to|am not going to) be (?:alive|breathing|here|around) "
        r"(?:by|in the|tomorrow|after tonight|to see (?:tomorrow|the morning|morning))\b",
        r"\b(?:by|after) (?:tomorrow|tonight|the morning|morning|sunrise|the weekend|monday|this "
        r"time tomorrow)(?: morning| night)?,? (?:i|im) (?:wont|will not|will no longer|not going "
        r"to) "
        r"be (?:here|alive|around|breathing|a problem)\b(?!.{0,30}\b(?:work|flight|trip|holiday|"
        r"vacation|moving|home|office|school|because|cause|visit)\b)",
        r"\b(?:wont|will not|never|dont|not going to) wake up\b.{0,30}\b(?:made sure|make sure|"
        r"sure of it)\b|\bmade sure (?:that )?i (?:wont|will not|never|dont) wake up\b",
        r"\b(?:this|tonight|today) (?:is|will be|is going to be) (?:my|the) last (?:time|night|"
        r"day) "
        r"(?:you hear from me|anyone hears from me|i (?:talk|write) to (?:you|anyone))\b",
        r"\b(?:saving|saved|collecting|collected|stockpiling|stockpiled|hoarding|hoarded|stashing) "
        r"(?:up )?(?:my |all my )?(?:prescriptions?|scripts?|refills)\b(?!.{0,30}\b(?:trip|holiday|"
        r"vacation|travel|abroad|insurance)\b)",
        r"\b(?:wrote|written|writing|recorded|typed) (?:down |out )?my (?:last|final) words\b",
        r"\bmy (?:suicide |goodbye )?note (?:is )?(?:written|done|ready|"
        r"finished)\b(?!.{0,30}\b(?:class|"
        r"exam|test|lecture|school|work|chemistry|biology|history|math)\b)",
        r"\b(?:bought|buying|got|getting) (?:\d+|two|three|four|five|six|several|multiple|a few|"
        r"lots "
        r"of) (?:packs|boxes|bottles|packets)\b.{0,40}\b(?:from different|at different|from "
        r"(?:several|"
        r"multiple|a few)|so (?:they|no one|nobody) (?:wont|doesnt|dont))\b",
        r"\bput (?:my )?affairs in order\b|\b(?:sorted|arranged|organi[sz]ed|sorting) (?:out )?"
        r"(?:who gets (?:what|my)|who will take|my funeral|my passwords for my family)\b",
        r"\b(?:take|taking|look after|looking after) (?:care of )?my (?:cat|dog|pets?|kids|mom|"
        r"sister|brother|plants|fish)\b.{0,20}\b(?:when|after|once) (?:im|i am) gone\b",
    ),
    # ---- goodbye and finality ----------------------------------------------------------------
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:just )?(?:wanted|want|wanna) to say (?:goodbye|bye|my goodbyes)\b(?! (?:before|"
        r"until|for now|to "
        r"my|to the))",
        r"\b(?:this is|these are|consider this|heres|its|it is|this will be|this is going to be|"
        r"this might be) (?:my )?(?:goodbye|last (?:message|text|post|"
        r"words|goodbye|time talking)|final (?:message|text|post|words|goodbye))\b(?! (?:before|"
        r"for "
        r"(?:today|tonight|now|the day|the week|a while|this week)|of the (?:day|night|week)|until|"
        r"till|on here for|lol|in this|about|to (?:my|the|our|this|that|all)|for now))",
        r"\b(?:goodbye|bye|farewell) (?:everyone|everybody|all|world|cruel world|forever|for good|"
        r"for ever|guys forever|to everyone)\b(?!.{0,30}\b(?:see you|see ya|cya|until|till|next|"
        r"tomorrow|later|monday|have a good|have fun)\b)",
        r"\b(?:wont|will not|not going to) be (?:here|around|alive) to see (?:my|another|next|the "
        r"next|christmas|the end|tomorrow|summer|the new year)\b",
        r"\b(?:wont|will not|dont|do not) (?:need|be needing) (?:it|them|this|these|my \w+|"
        r"anything)"
        r"(?!.{0,40}\b(?:sunny|summer|warm|moving|new one|bought|replaced|finally|car|anymore "
        r"lol)\b) "
        r"(?:anymore|any more|where im going|after (?:tonight|today|this week)|for (?:much "
        r")?long(?:er)?)\b|"
        r"\bi (?:wont|will not) be needing (?:it|them|these|those|any of (?:it|them))\s*(?:[.!]|$)",
        r"\b(?:dont|do not|please dont) (?:want to |wanna )?(?:be )?(?:try to |try and "
        r")?(?:talk(?:ed)? "
        r"(?:me )?out of (?:it|this)|stop me|convince(?:d)? me otherwise)\b(?!.{0,20}\b(?:buying|"
        r"getting|ordering|eating|quitting|going to the)\b)",
        r"\b(?:its|it is) time\.? (?:bye|goodbye|farewell)\b",
        r"\bif (?:you|youre|you are|anyone|someone|somebody) (?:is |are )?(?:reading|reads|read|"
        r"find|"
        r"finds) this\b.{0,40}\b(?:sorry|gone|dead|too late|forgive|goodbye|i love you|didnt make "
        r"it|(?:it )?(?:wasnt|was not|isnt|is not) (?:your|anyones) fault)\b",
        r"\bi love you all\b.{0,30}\b(?:remember me|take care of each other|dont be sad|dont cry|"
        r"forgive me)\b",
        r"\b(?:wrote|written|writing|made|updated|finished) (?:my|a) "
        r"will\b(?!.{0,80}\b(?:witness\w*|"
        r"solicitor|lawyer|attorney|notary|legal|probate|executor|template|online|now that (?:the|"
        r"we|"
        r"our|my)|since (?:the|we|our) (?:baby|twins|kids?|wedding|house)|new baby|mortgage)\b)",
        r"\b(?:wont|will not|not going to|will never) be (?:here|around|a problem|a burden|"
        r"bothering (?:you|anyone)|able to talk) (?:much longer|for much longer|anymore|any more|"
        r"for long|after this|after today|after tonight)\b",
        r"\b(?:you|they|everyone|nobody|no one|people) (?:wont|will not|will never|dont) (?:have "
        r"to )?"
        r"(?:see|hear from|deal with|worry about|put up with) me (?:again|anymore|any more|much "
        r"longer|ever again|after (?:today|tonight))\b",
        r"\b(?:tell|please tell) (?:my|the|them|her|him|everyone) (?:\w+ )?(?:i love (?:them|her|"
        r"him|"
        r"you)|im sorry|i am sorry|it wasnt (?:their|her|his|your) fault)\b",
        r"\bits (?:been )?(?:nice|good|an honou?r) knowing (?:you|u|everyone|yall|all of you)\b",
        r"\b(?:see you|see u|meet you|see ya|cya) (?:on the other side|in (?:another|the next) "
        r"life|"
        r"in heaven|never|in hell)\b",
        r"\b(?:im|i am) (?:at peace|ready|okay|ok) (?:with|about) (?:my decision|dying|what im "
        r"about"
        r" to do|leaving|going)\b",
        r"\bthank (?:you|u) for (?:everything|being there|trying|being my "
        r"friend)\b.{0,60}\b(?:goodbye|"
        r"bye|forgive|im sorry|i love you|wont|gone|last)\b",
        r"\b(?:after|when|once) (?:im|i am) gone\b(?! (?:on|for|to|at|from|the|this|next))",
        r"\b(?:im|i am) (?:done|finished|out)\. (?:goodbye|bye)\b|\bi love you "
        r"all\b.{0,30}\b(?:sorry|"
        r"goodbye|bye|forgive)\b",
        r"\bwont (?:matter|hurt) (?:much longer|for long|soon|anymore)\b",
        r"\b(?:im|i am|i will|ill) (?:not|never) (?:coming|going|be coming) (?:back|home)\b(?! "
        r"(?:to|"
        r"until|till|for|after))",
        r"\bafter this (?:message|text|post)\b",
        r"\bsaid (?:all )?my goodbyes\b|\b(?:given|gave|giving) (?:away )?my (?:dog|cat|pets?|bird|"
        r"fish|rabbit) (?:away|to)\b(?!.{0,40}\b(?:for the (?:weekend|week|day|night|holidays?|"
        r"summer)|while (?:im|i am|we are|were) (?:away|on|at)|to (?:look after|watch|mind) (?:for|"
        r"while)|vet|groomer)\b)",
        r"\bleft (?:my )?(?:\w+ ){0,3}(?:password|passwords|pin)\b.{0,20}\b(?:note|letter)\b",
        r"\bso (?:my (?:family|kids|parents|wife|husband|partner)|they|no one|nobody) (?:doesnt|"
        r"dont|"
        r"wont|does not|will not|never) (?:have to|need to)\b",
        r"\b(?:putting|put|got|getting) (?:everything|things|my (?:affairs|stuff|things)) in "
        r"order\b",
        r"\b(?:texted|called|messaged|hugged|saw|see|seeing|visit|visiting|visited|told) (?:\w+ "
        r"){0,4}"
        r"one last time\b",
        r"\b(?:sold|gave|giving away|gave away)\b.{0,60}\b(?:wont|will not) (?:need|be needing) "
        r"(?:it|"
        r"them|any of it)\b",
        r"\bwho (?:gets|will get|should get|can have) my (?:things|stuff|belongings|cat|dog|pets?|"
        r"money)\b|\b(?:wrote|written|writing|decided|sorted) (?:out |down )?who gets what\b",
        r"\b(?:video|message|letter|note) for (?:my )?(?:\w+ )?to (?:watch|read|see|find) (?:after|"
        r"when "
        r"im gone|once im gone|later when)\b",
        r"\bso (?:no one|nobody|noone) (?:has|have|needs?|will have) to (?:deal with|clean up|sort "
        r"out|"
        r"worry about)\b|\bso (?:no one|nobody|noone) (?:is|will be|gets) left with\b",
        r"\b(?:look after|take care of) (?:him|her|them|my \w+) (?:forever|for good|for me from "
        r"now "
        r"on)\b",
        r"\bdeleted (?:everything|all my (?:accounts|socials|social media|photos|posts))\b",
        r"\b(?:wont|will not) be (?:around|here|alive) for (?:it|that|any of it|long|the weekend|"
        r"christmas|next week)\b",
    ),
    # ---- an act under way --------------------------------------------------------------------
    _rule(
        "act_under_way", "act", 4, True,
        rf"\b(?:took|taken|swallowed|downed|ate|popped|had|im taking|i am taking|just taking)"
        rf" (?:like |about |around |maybe |almost |over |at least |more than |nearly )?{BIG_AMOUNT}"
        rf" (?:\w+ ){{0,5}}(?:{DRUG})\b",
        rf"\b(?:took|taken|swallowed|downed) (?:all )?(?:of )?(?:(?:my|the|these|those) (?:\w+ )?"
        rf"(?:{DRUG})|them|these|those)(?: all)?\b(?=.{{0,40}}\b(?:all|at once|whole|goodbye|bye|"
        rf"sorry|tired|sleep|"
        rf"anymore|done|wont wake|dont want to wake|its done|too late|sleepy|drowsy|dizzy|weird|"
        rf"numb|"
        rf"faint)\b)",
        r"\b(?:i|ive|i have|i just|ive just|i already|ive already) (?:just |already |have |ve )?"
        r"(?:overdosed|oded|odd|over dosed|taken an overdose|took an "
        r"overdose)\b|\b(?:im|i am) (?:overdosing|oding)\b",
        r"\b(?:wont|doesnt|will not|cant make it|cant get it to) stop bleeding\b|"
        r"\b(?:im|i am|i m) (?:\w+ )?(?:bleeding (?:out|a lot|so much|everywhere|heavily|badly|"
        r"wont stop|really bad|so bad|really badly|too much)|losing (?:a lot of |so much "
        r")?blood)\b|\bcant stop the bleeding\b|"
        r"\bblood (?:everywhere|wont stop|is everywhere)\b",
        r"\bi (?:just |already )?(?:slit|cut|sliced|opened) (?:my )?(?:wrists?|veins|throat|"
        r"artery)\b",
        r"\bcut (?:way )?too deep\b|\bcut (?:\w+ )?deep\b.{0,40}\b(?:wont stop|cant stop|keeps "
        r"bleeding|isnt stopping)\b",
        r"\b(?:im|i am) (?:taking|swallowing) (?:them|all of them)\b.{0,20}\b(?:now|right now|all "
        r"of "
        r"them)\b|"
        r"\b(?:rope|noose) is (?:tied|up|ready)\b(?!.{0,30}\b(?:boat|dock|tent|swing|horse|post|"
        r"tree house|hammock|climb)\w*\b)|"
        r"\b(?:rope|noose|belt|cord) (?:is )?(?:around my neck|tied (?:to|around|up)|all tied|set "
        r"up|hanging "
        r"(?:from|up)|ready)\b|\bnoose (?:is )?(?:ready|tied|up)\b",
        r"\b(?:gun|pistol|revolver|rifle|shotgun) (?:is )?(?:loaded|in my hand|in my mouth|to my "
        r"head|"
        r"in my lap|on my lap|"
        r"pointed at me|cocked)\b|\b(?:loaded|loading) (?:the|my|dads|my dads|a) (?:gun|pistol|"
        r"revolver|rifle|shotgun)\b",
        r"\b(?:took|taken|swallowed) (?:half|most|some|a few) (?:of )?(?:the|my|them|"
        r"these)\b.{0,30}"
        r"\b(?:rest|more|the others|remaining)\b|"
        r"\b(?:engine|cars?|motor) (?:is )?running in (?:the|a|my) (?:closed |shut )?garage\b|"
        r"\bgarage\b.{0,30}\bengine (?:on|running)\b|\bengine (?:on|running)\b.{0,30}\bgarage\b|"
        r"\bin (?:my|the) car with the engine running\b|\b(?:lit|burning) (?:the )?charcoal\b",
        r"\b(?:took|swallowed|taken|ate) (?:everything|all|every pill|all the pills|whatever) "
        r"(?:in|from)"
        r" (?:my|the|our|moms|dads|my moms|my dads) (?:medicine cabinet|cabinet|medicine cupboard|"
        r"cupboard|medicine box|drawer|bottle|"
        r"bathroom|first aid kit)\b",
        r"\b(?:drank|drunk|swallowed|ingested) (?:some |a bottle of |the |half a bottle of |a "
        r"whole "
        r"bottle of |the whole bottle of |a cup of |a glass of )?"
        r"(?:bleach|antifreeze|anti freeze|drano|poison|rat poison|weed killer|pesticides?|"
        r"cyanide)\b",
        rf"\b(?:the )?(?:{DRUG}) (?:are|is) (?:starting to |finally |already )?(?:kicking in|"
        r"taking effect|working now|working)\b(?=.{0,40}\b(?:goodbye|bye|sorry|tired|sleepy|dizzy|"
        r"numb|scared|cant|too late|soon|barely|eyes|ringing|racing|heart|breathe|blurry|shaking|"
        r"sick|"
        r"throwing up|spinning)\b)",
        r"\b(?:mixed|washed (?:them|it|the pills) down|took (?:them|it|the pills)) with (?:alcohol|"
        r"vodka|whiskey|wine|beer|booze|liquor)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        rf"\b(?:drank|drunk|had|downed)\b.{{0,40}}\b(?:vodka|whiskey|wine|beers?|alcohol|booze|"
        rf"liquor|"
        rf"gin|rum)\b.{{0,30}}\b(?:took|swallowed|taken|downed) (?:all )?(?:of )?(?:my|the|some|a "
        rf"bunch of|a handful of|\d+) (?:\w+ )?(?:{DRUG})\b",
        rf"\b(?:took|swallowed|taken|downed) (?:all )?(?:of )?(?:my|the|a bunch of|a handful of|"
        rf"\d+) "
        rf"(?:\w+ )?(?:{DRUG})\b.{{0,30}}\b(?:with|and drank|then drank) (?:a |half a |the "
        rf")?(?:bottle "
        r"of )?(?:vodka|whiskey|wine|alcohol|booze|liquor|gin|rum)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        r"\b(?:standing|stood|im|i am) (?:\w+ )?on (?:a|the|my) (?:chair|stool|bucket|box|"
        r"ladder)\b.{0,25}"
        r"\b(?:rope|noose|belt|cord)\b(?!.{0,20}\b(?:swing|tent|decorat\w*|lights|hang (?:the|a) "
        r"(?:picture|banner|lights)))",
    ),
    _rule(
        "act_marker", "act", 0, False,
        r"\b(?:already|just) (?:did it|took them|done it|started|swallowed them)\b|\bcant (?:take "
        r"(?:them|"
        r"it|the pills) back|undo (?:it|this|what i did))\b|\bits (?:already )?"
        r"(?:done|too late)\b|\b(?:i|ive|i have) (?:did|done) it\b(?! (?:lol|again|right|well|"
        r"finally|yay))|\bno going back\b|\bcant undo (?:it|this)\b",
    ),
    # ---- abuse and danger from others --------------------------------------------------------
    _rule(
        "abuse", "abuse", 3, False,
        rf"\b(?:he|she|they|someone|somebody|my (?:\w+ )?{PERSON})\s+(?:\w+\s+){{0,2}}(?:hits|hit|"
        rf"beats|beat|punches|"
        r"punched|kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|rapes|raped|molests|"
        r"molested|abuses|abused|burns|burned|whips|whipped|throws|threw|shoves|shoved|assaulted|"
        r"assaults|attacks|attacked|locks|locked|starves|starved|beats up|beat up|smacks|smacked|"
        r"punch|kick|choke|slap|abuse|burn|whip|shove|attack|starve|smack|strangle|"
        r"grabs|grabbed|bruised|hurt|hurts|hurting) (?:me|my (?:\w+ )?(?:mom|mum|sister|brother|"
        r"kids?|son|daughter|baby|little (?:sister|brother)|face|body|neck))\b"
        r"(?! (?:with (?:a|the|an|his|her) (?:joke|pun|fact|question|text|message|news|"
        r"pillow|snowball|ball))|(?: so)? (?:bad|much) (?:when|by) (?:he|she) (?:left|cheated)| "
        r"out "
        r"(?:for|because|cos|cause)\b| (?:a|an|some|lunch|dinner|coffee|food|drinks?|tickets?|"
        r"one)\b)",
        r"\b(?:im|i am|i was|ive been|i have been|i got|being|getting|i keep getting|"
        r"got)\s+(?:\w+\s+)?"
        r"(?:abused|raped|molested|sexually assaulted|assaulted|beaten|beat up|trafficked|groomed|"
        r"strangled|choked|hit|hurt|slapped|punched|kicked) (?:by|at home|again|every|when)\b",
        r"\b(?:im|i am|i was|ive been|i have been|i got|being|getting)\s+(?:\w+\s+)?(?:abused|"
        r"raped|"
        r"molested|sexually assaulted|trafficked|groomed)\b",
        r"\b(?:scared|afraid|terrified|frightened|fear) (?:of |for )?(?:my life|for my (?:life|"
        r"safety)|"
        r"to go (?:back )?home|of going home|(?:he|she|they)(?:ll| will| is going to| are going to|"
        r" "
        r"might| would|s going to) (?:kill|hurt|hit|beat|find|rape|come for) me)\b",
        r"\b(?:not|dont feel|never feel|arent|isnt) safe (?:at home|in my (?:house|home|own home)|"
        r"with "
        r"(?:him|her|them|my \w+)|here anymore|to go home)\b",
        r"\b(?:threatened|threatening|threatens|threatend|said (?:he|she|they)(?:d| would| will| "
        r"is "
        r"going to| was going to|s going to|s gonna| is gonna| was gonna|ll|d)|says (?:he|she|they)"
        r"(?:ll| will| is going to|s going to|s gonna| is gonna)) (?:to )?(?:kill|"
        r"hurt|beat|stab|shoot|rape|strangle) (?:me|us|my)\b",
        r"\b(?:forces|forced|makes|made|making|pressures|pressured) me (?:to )?(?:have sex|do "
        r"sexual|"
        r"touch (?:him|her|them)|watch porn|send (?:nudes|pics|photos)|do things|do stuff|do "
        r"sexual)\b|\b(?:touches|touched|"
        r"touching) me (?:inappropriately|down there|where|when im asleep|at night|in my sleep|"
        r"when im sleeping|while im sleeping|while i sleep|when "
        r"(?:nobody|no one|noones|nobodys|mom|my mom|were alone|we are alone|im alone))\b|"
        r"\b(?:blackmail|blackmailing|sextortion|threatening to (?:share|post|leak)) (?:me "
        r")?(?:with )?"
        r"(?:my )?(?:nudes|pics|photos|pictures)?\b",
        rf"\bmy (?:\w+ )?{PERSON} (?:\w+ ){{0,2}}(?:has a|got a|pulled a|with a|held a) (?:gun|"
        rf"knife)"
        r"(?! (?:licen[cs]e|safe|cabinet|collection|permit|club|for (?:clay|hunting|shooting|work|"
        r"the "
        r"farm)))"
        r"\b|\b(?:gun|knife) (?:to|at) my (?:head|throat|face)\b",
        r"\bpushed me (?:down|into|against|to the (?:ground|floor)|off)\b",
        r"\bnot allowed to (?:eat|sleep)\b|\b(?:wont|doesnt|will not|never|wouldnt) let me out\b|"
        r"\blocked (?:me )?(?:in|inside) (?:my|"
        r"the|a) (?:room|basement|closet|cupboard|shed|garage|cellar)\b",
        r"\b(?:if i (?:tell|leave|say|talk)|or else)\b.{0,30}\b(?:hell|shell|theyll|he will|she "
        r"will|"
        r"they will|he would|she would|hed|shed|he is going to|she is going to|hes going to|shes "
        r"going "
        r"to) (?:kill|hurt|beat|hit) me\b",
        r"\b(?:keeps|kept|always) (?:coming|walking|barging) (?:into|in on me in) (?:my |the "
        r")?(?:room|"
        r"bedroom|bathroom|shower)\b.{0,40}\b(?:when|while) (?:im|i am)\b",
        r"\b(?:comes|came|coming|sneaks|sneaking|creeps) into my (?:room|bed|bedroom)\b.{0,30}\b(?:"
        r"night|scared|afraid|touch\w*|when)\b",
        rf"\b(?:scared|afraid|terrified|frightened) of (?:my|her|his|our) (?:\w+ )?{PERSON}\b",
        r"\b(?:throws|threw|throwing) (?:things|stuff|plates|bottles|a \w+|his \w+|her \w+) at "
        r"me\b",
        r"\b(?:keeps|kept|always|still) (?:touching|groping|grabbing) me\b|\b(?:touching|touches|"
        r"touched) me (?:and|without|even though|when i said no)\b",
        r"\b(?:domestic violence|domestic abuse|dv)\b(?=.{0,40}\b(?:me|my|im|i am|home)\b)",
    ),
    # ---- danger to others --------------------------------------------------------------------
    _rule(
        "danger_to_others", "danger", 3, False,
        rf"\b(?:i|im|i am|ive been|i keep|i have)\s+(?:\w+\s+){{0,3}}(?:plan|planning|"
        rf"thinking about|think about|thought about|thoughts? (?:of|about)|urges? to|fantasi[sz]e "
        rf"about|fantasi[sz]ing about|ready|intend|intending|seriously want|really want|actually "
        rf"want) (?:to )?(?:kill|killing|hurt|hurting|stab|stabbing|"
        rf"shoot|shooting|murder|murdering|strangle|strangling|poison|poisoning|smother) (?:him|"
        rf"her|them|someone|somebody|people|everyone|everybody|my (?:\w+ )?(?:{PERSON}|baby|son|"
        rf"daughter|kids?|boss|teacher|classmates?|neighbou?rs?|coworkers?))\b",
        r"\b(?:shoot up|shooting up|bomb|blow up|attack) (?:the|my|our) (?:school|class|office|"
        r"work|"
        r"workplace|church|mosque|synagogue|mall|campus)\b|\bbring(?:ing|s)? (?:a|my|dads|my dads|"
        r"his|"
        r"her|their) (?:gun|knife|weapon|rifle|machete|bat) to (?:school|class|work|campus|the "
        r"party)\b",
        r"\b(?:picturing|imagining|dreaming of|dreaming about|visuali[sz]ing|thinking of|planning) "
        r"(?:\w+ )?(?:shooting|stabbing|killing|hurting|poisoning|strangling) (?:people|someone|"
        r"everyone|everybody|them|him|her|my|the (?:kids|class|people))\b",
        r"\b(?:im going to|im gonna|going to|gonna|i will|i might|i could|about to|want to|wanna) "
        r"(?:\w+ )?(?:hurt|kill|stab|shoot|attack|strangle) (?:someone|somebody|people|everyone|"
        r"everybody|a person|anyone)\b",
        r"\b(?:gun|knife|weapon|rifle|pistol)\b.{0,40}\b(?:kill|hurt|shoot|stab)\b (?:him|her|them|"
        r"my|"
        r"someone|people|everyone)\b",
        r"\b(?:going to|gonna|will|ill|im going to) (?:shoot|stab|strangle) (?:him|her|them|my "
        r"\w+)\b",
        r"\b(?:want|wanna|going|gonna|plan|planning) to (?:hurt|kill|shoot|stab|attack) (?:the |"
        r"all the "
        r")?(?:kids|people|students|children|everyone|everybody|teachers|classmates|coworkers) "
        r"(?:at|"
        r"in|from) (?:my |the )?(?:school|work|class|office|church)\b",
        r"\b(?:afraid|scared|worried|terrified) (?:that )?(?:i|ill|i will|i might|im going to) "
        r"(?:\w+ )?"
        r"(?:hurt|harm|kill|drown|smother|shake) (?:my|the) (?:baby|child|kids?|son|daughter|"
        r"newborn)\b",
        # "my baby won't stop crying and i think about shaking her"
        r"\b(?:my|the|our) (?:baby|newborn|son|daughter|toddler)\b.{0,60}\bthink(?:ing)? (?:about|"
        r"of) (?:shaking|hurting|smothering|hitting|drowning|harming|suffocating) (?:her|him)\b",
        r"\bthink(?:ing)? (?:about|of) (?:shaking|hurting|smothering|hitting|drowning|harming|"
        r"suffocating) "
        r"(?:my|the|our) (?:baby|son|daughter|child|kids?|newborn|toddler)\b",
        r"\b(?:going to|gonna|will|ill) (?:kill|hurt|stab|shoot) (?:him|her|them)\b.{0,40}\b(?:ive "
        r"got|i "
        r"have|i got|i bought|theres) (?:a |my |the )?(?:knife|gun|bat|blade|hammer)\b",
        r"\b(?:thoughts|urges|images) (?:of|about) (?:hurting|harming|killing|drowning|smothering) "
        r"(?:my )?(?:baby|child|kids?|son|daughter|newborn|partner|someone|people)\b",
    ),
    # ---- third party -------------------------------------------------------------------------
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:my|a|our|this) (?:\w+ ){0,2}(?:friend|bestie|bff|best friend|sister|brother|sis|bro|"
        r"mom|mum|mother|dad|father|son|daughter|kid|cousin|girlfriend|boyfriend|gf|bf|partner|"
        r"wife|husband|roommate|classmate|student|coworker|colleague|teammate|someone i know|"
        r"mate)\b.{0,60}(?<!isnt )(?<!is not )(?<!wasnt )(?<!not )(?<!never )(?<!doesnt )"
        r"(?<!didnt )\b(?:wants to die|want to die|(?:kill|hurt|cut|harm|hang|shoot|off) "
        r"(?:herself|himself|themselves|themself)|suicidal|self harm(?:s|ing)?|is cutting|"
        r"has been cutting|cuts (?:herself|himself|themselves)|end (?:her|his|their) (?:own )?life|"
        r"talking about (?:suicide|dying|ending it|killing)|tried to (?:kill|end)|attempted|"
        r"overdosed|took (?:a bunch|all|too many)|saying goodbye)\b",
        r"\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|hang|hanging|shoot|off|offing) "
        r"(?:herself|himself|themselves|themself)\b",
    ),
    _rule(
        "third_party_imminent", "third_party", 3, True,
        r"\b(?:she|he|they|my (?:\w+ )?(?:friend|sister|brother|mom|dad|son|daughter|partner|"
        r"girlfriend|boyfriend|wife|husband|roommate|cousin))(?: (?:says|said|told me|texted|is "
        r"saying))?"
        r" (?:that )?(?:she|he|they)? ?(?:is|s|are|has|have|just) (?:\w+ )?(?:going to|gonna|about "
        r"to|"
        r"planning to|took|swallowed|taken) (?:kill (?:her|him|them)sel(?:f|ves)|end (?:it|her "
        r"life|his "
        r"life|their life)|take (?:them|the pills|all|pills|her pills|his pills)|jump|overdose|od|"
        r"a "
        r"bunch of|all (?:her|his|their|the) (?:pills|meds)|too many)\b",
    ),
    _rule(
        "third_party_intent", "third_party", 3, True,
        r"\b(?:friend|bestie|sister|brother|mom|dad|son|daughter|partner|girlfriend|boyfriend|gf|"
        r"bf|"
        r"wife|husband|roommate|cousin|classmate)\b.{0,50}\b(?:is |s )?(?:going to|gonna|about to|"
        r"planning to|ready to) (?:take (?:them|the pills|all|her pills|his pills)|kill (?:her|him|"
        r"them)sel(?:f|ves)|jump|overdose|od|end (?:it|her life|his life|their life))\b",
    ),
    _rule("third_party_framing", "third_party", 0, False,
          r"\b(?:asking for a friend|for a (?:friend|story|novel|book|school project|essay|"
          r"game))\b"),
    # ---- generalised families (fresh phrasings: bare imminent lines, vague preparation,
    # method questions without a lethality word, indirect ideation) ---------------------------
    _rule(
        "finality_bare", "finality", 3, False,
        # The whole message is a short line of finality: in a support chat, read as a plan.
        r"^\W*(?:(?:ok|okay|so|well|right|yeah|alright)\W+)?(?:this is it|its time|it is time|"
        r"tonight is the (?:night|day)|today is the day|todays the day|its now or never|no more "
        r"waiting|no (?:point|reason|sense) (?:in )?waiting (?:any longer|anymore)|no turning "
        r"back(?: now)?|this is the end|this is where it ends(?: for me)?|it ends "
        r"(?:tonight|today|now|here)|im going now|i am going now|its happening|i cant wait any "
        r"longer|counting down the (?:hours|minutes|days)(?: now)?|time to go)"
        r"(?:\W+(?:(?:im |i am )?sorry|goodbye|bye|for real(?: this time)?|tonight|now|i think|im "
        r"done|"
        r"im ready|i am ready|i cant anymore|"
        r"thank you(?: for (?:everything|trying|listening))?|love you all|forgive me)){0,2}\W*$",
        r"\bthis is where (?:it|everything|my (?:life|story)) ends(?: for me)?\b(?!.{0,30}\b(?:"
        r"trail|road|path|book|chapter|season|series|movie|film|story arc)\b)",
        r"\b(?:it|everything|this|all of this|it all|the pain|my pain)(?: will| ll|ll| is going to|"
        r" "
        r"is gonna)? (?:all )?be (?:over|done|finished) (?:soon|tonight|today|in (?:an|a few|\d+|"
        r"one|two|half an) \w+|by (?:morning|tomorrow|tonight|midnight))\b(?!.{0,50}\b(?:exam|test|"
        r"interview|surgery|appointment|driving|shift|meeting|semester|term|season|game|match|"
        r"flight|operation|trial|hearing|deadline|week|i mean)\w*\b)",
        r"\b(?:in (?:an|a few|\d+|one|two|half an) (?:hours?|minutes|mins)|tonight|by (?:morning|"
        r"tomorrow)),? (?:it|everything|it all|this|the pain)(?: will| ll|ll| is going to)? (?:all "
        r")?"
        r"be over\b(?!.{0,50}\b(?:exam|test|interview|surgery|appointment|driving|shift|meeting|"
        r"semester|term|game|match|flight|operation|trial|hearing|deadline|i mean)\w*\b)",
        r"\bi (?:wont|will not|am not going to) (?:see|"
        r"be (?:here|around|alive) (?:for|on|by)|live to see) (?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|tomorrow|christmas|next week|the weekend|my birthday|new year|the "
        r"morning|morning|another (?:day|week|year)|sunrise|the sunrise|the end of the (?:week|day|"
        r"month))\b",
        r"\bthank (?:you|u) for trying\b(?! to (?!help))",
        r"\b(?:bye|goodbye)\b\W+(?:for real|for good|forever)(?: this time)?\W*$",
        r"\b(?:my|the) last (?:sunrise|sunset)\b",
        r"\b(?:tying|tie|tied|tidying) up (?:all )?(?:the |my )?loose ends\b(?!.{0,40}\b(?:work|"
        r"project|job|office|holiday|vacation|leave|move|moving|before (?:i|we) (?:leave|go|move)|"
        r"semester|term|handover|report)\w*\b)",
        r"\b(?:my|got my|all my) affairs (?:are )?(?:sorted|in order|settled|taken care of|"
        r"arranged)"
        r"\b(?!.{0,40}\b(?:mov\w+|abroad|emigrat\w+|retir\w+|travel\w*|trip|surgery|operation)\b)",
        r"\b(?:sent|gave|left|wrote down|handed|shared|emailed) (?:\w+ ){0,3}(?:all )?my "
        r"(?:passwords|"
        r"bank details|pins|account details|log ?ins)\b(?!.{0,40}\b(?:holiday|trip|while|for the "
        r"week|hack\w*|in case i forget|scam\w*)\b)",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:wrote|written|writing) to (?:everyone|each of|all the people|the people) (?:\w+ "
        r")?(?:i "
        r"love|who matters?|i care about)\b(?!.{0,40}\b(?:invit\w*|wedding|party|christmas|"
        r"thank\w*)\b)",
        r"\bleft (?:my |a |the )?(?:journal|diary|letters?|notes?|will|passwords?)\b.{0,40}\b(?:"
        r"(?:will|can|would|to|should) find|to read|to open)\b(?!.{0,30}\b(?:later|tomorrow|when "
        r"(?:she|he|they) (?:gets|get) (?:home|back))\b)",
        rf"\b(?:putting|put|setting|set|keeping|kept|squirrel(?:l)?ing) (?:\w+ ){{0,3}}(?:{DRUG})"
        r" (?:aside|back)\b(?!.{0,30}\b(?:trip|holiday|vacation|week|weekend|travel|flight|so i "
        r"dont "
        r"forget|pill ?box|organi[sz]er)\b)|\b(?:putting|setting|keeping) (?:aside|back) (?:\w+ )"
        rf"{{0,4}}(?:{DRUG})\b(?!.{{0,30}}\b(?:trip|holiday|vacation|travel|flight)\b)",
        r"\b(?:rope|noose)(?:s| is) (?:up|tied|hung|ready)\b(?!.{0,40}\b(?:climb\w*|swing|tent|"
        r"boat|"
        r"hammock|washing|clothes|tree house|gym|lights|banner|decorat\w*)\b)|"
        r"\b(?:got|put|have|hung|tied) (?:up )?(?:the|a|my) (?:rope|noose|belt|cord) (?:up|tied|"
        r"ready|"
        r"hung|set up|over the beam|on the beam|from the (?:beam|ceiling|banister|"
        r"door))\b(?!.{0,40}"
        r"\b(?:climb\w*|swing|tent|boat|hammock|washing|clothes|tree house|gym|lights|banner|"
        r"decorat\w*)\b)",
    ),
    _rule(
        "means_acquired", "means", 3, False,
        r"\b(?:bought|ordered|got|picked up|purchased|got hold of) (?:a |some |the |myself a |a "
        r"length "
        r"of |a new )?(?:rope|noose|hose ?pipe|length of hose|charcoal|helium(?: tank)?|gun|"
        r"shotgun|"
        r"pistol|handgun|razor blades|blades|rat poison|antifreeze)\b(?!.{0,30}\b(?:razor|beard|"
        r"legs|"
        r"face|stanley knife|craft knife|lawnmower|mower|blender|saw)\b)(?! (?:safe|cabinet|lock|"
        r"case|"
        r"holster|cleaning|rack|show|licen[cs]e|ladder|swing|light|lights|bridge|course|"
        r"toy))(?!.{0,60}\b(?:climb\w*|gym|"
        r"boat|sail\w*|camp\w*|garden\w*|bbq|barbecue|grill|party|parties|balloons?|hunt\w*|range|"
        r"tent|swing|dog|puppy|horse|pet|cat|toy|crafts?|macrame|tug of war|washing line|"
        r"clothesline|"
        r"shav\w*|skipping|jump rope|license|licence|permit|club|lessons?|pool|car wash|rats?|mice|"
        r"pests?|shed|winter|radiator|engine|kite|magic|birthday|project|costume|halloween|"
        r"school|class|christmas|present|gift)(?:s|es)?\b)",
        r"\b(?:looked up|checked|googled|found out|researched|memori[sz]ed|know)\b.{0,20}\b(?:when|"
        r"what time|how often)\b.{0,20}\b(?:the )?(?:express|freight|fast|non stop|last)? ?trains? "
        r"(?:passes|pass|comes through|goes through|doesnt stop|flies through|goes past)\b",
    ),
    _rule(
        "means", "means", 3, True,
        # A question about whether a method would work, hurt or be enough: the means named,
        # no lethality word needed.
        r"\b(?:gun|shotgun|pistol|rifle|revolver|rope|belt|cord|noose|exhaust|fumes|charcoal|"
        r"helium|"
        r"plastic bag|bag over)\b(?! (?:access|safe|cabinet|lock|licen[cs]e))(?:\w| ){0,40}?\b(?:"
        r"work(?=\s*(?:[?.!]|$| if\b| with\b| on (?:a |me\b|someone|my\b)))|do it|do the job|be "
        r"enough|be quick|"
        r"be painless|be instant|be certain|hold me|hold(?=\s*[?.!]*\s*$)|hold my weight|take my "
        r"weight)\b(?! (?:out|at the gym|for "
        r"(?:climbing|camping|hunting|the garden|the boat|towing))\b)(?!.{0,20}\b(?:climb\w*|"
        r"camp\w*|"
        r"boat|tow\w*|tent|swing|hunting|range|trousers|jeans|pants|suit|outfit|car wash|bbq|"
        r"barbecue|grill|party|balloons?)\b)",
        r"\b(?:what|which|would|will|does|do|how|is|can)\b.{0,50}\b(?:if|when) (?:you|i|u|someone|"
        r"a "
        r"person|people) (?:take|took|takes|swallow|swallowed|swallows|down|downed|popped|pop)\b "
        r"(?:like |about )?(?:loads|a load|a ton|tons|heaps|a lot|lots|too many|a whole|the whole|"
        r"an "
        r"entire|a full|all (?:of )?(?:them|it|my|the|your|their)|\d{2,}|a bunch|a handful|"
        r"handfuls|"
        r"a box|a pack|a bottle|the bottle|double|triple)\b(?!.{0,40}\b(?:vitamin|supplements?|"
        r"protein|creatine|caffeine|fibre|fiber|probiotics?|iron tablets|fish oil|gummies)\b)",
        r"\b(?:strongest|most dangerous|worst|deadliest|most effective)\b.{0,30}\bif (?:you|i|u|"
        r"someone) (?:take|took|swallow|swallowed|have|had) (?:loads|a lot|lots|too many|too much|"
        r"a whole|the whole|all)\b",
        r"\b(?:put|puts|send|sends|putting|sending) (?:someone|me|you|a person|u|people|a grown "
        r"(?:man|woman)) (?:in|into) a coma\b|\bhow (?:much|many)\b.{0,60}\bcoma\b",
        r"\bhow (?:deep|hard|far)\b.{0,40}\b(?:wrists?|veins?|arter(?:y|ies)|thighs?)\b",
        r"\b(?:cant|can not|cannot|wont be able to|not be able to|too (?:cold|far|tired) to) swim "
        r"back\b|\bhow (?:cold|long|deep|far)\b.{0,40}\b(?:lake|river|sea|water|ocean|quarry|"
        r"reservoir)\b.{0,40}\b(?:survive|swim back|drown|hypothermia|last|stay alive)\b",
        r"\bhow (?:high|tall|far|many|much|long|deep|fast)\b.{0,50}\b(?:for it to be|to be|so "
        r"(?:its|"
        r"it is)|to make (?:it|sure)) (?:certain|sure|final|fatal|instant|guaranteed|quick and "
        r"certain|100 percent)\b",
        r"\b(?:pharmacy|chemist|over the counter|without a (?:prescription|script)|"
        r"otc)\b.{0,60}\b(?:"
        r"do the job|do it|strongest if|enough to|would work|kill|lethal|if you take (?:loads|a "
        r"lot|"
        r"lots|all)|not wake up|stay asleep)\b",
        rf"\b(?:{DRUG})\b.{{0,60}}\bhow many (?:is|would be|are|counts as) (?:a lot|too many|"
        rf"enough|"
        r"dangerous)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:future|next year|years from now|\d+ years)\b.{0,30}\b(?:has me in it|with me in it|"
        r"(?:im|i am) (?:not )?in it|that includes me|im not in|i am not in)\b",
        r"\b(?:im not|i am not|not|i wont|i will not|never) (?:going to |gonna )?(?:make it|live|"
        r"be "
        r"(?:here|around|alive)) (?:to|past|until|till) (?:\d+|twenty|thirty|forty|fifty|next "
        r"(?:year|summer|christmas)|my (?:\w+ )?birthday|christmas|graduation|old age)\b(?! "
        r"(?:followers|subs|subscribers|views|likes|k|percent|mph|kg))",
        r"\b(?:cant|cannot|can not|couldnt|dont want to|not going to|wont) (?:do|face|survive|take|"
        r"handle|bear|live|stand) (?:another|\d+ more|more) (?:\d+ |fifty |forty |thirty |sixty |"
        r"twenty |ten )?(?:years|decades) (?:of (?:this|feeling like this|living like this|it)|"
        r"like "
        r"this)\b|\b(?:another|\d+ more) (?:\d+ |fifty |forty |thirty |sixty |twenty |ten "
        r")?(?:years|"
        r"decades) of (?:this|feeling like this|living like this)\b.{0,30}\b(?:unbearable|cant|"
        r"cannot|dont want|no way|too much|not doing it)\b",
        r"^\W*(?:and )?what if i (?:just )?(?:stopped|quit|gave up|wasnt here|left for good|was "
        r"gone|stopped trying)\W*$",
        r"\b(?:not|stop|without) turn(?:ing)? the (?:steering )?wheel\b|\blet(?:ting)? go of the "
        r"(?:steering )?wheel\b|\b(?:swerv(?:e|ing)|veer(?:ing)?) into (?:oncoming|a (?:tree|wall|"
        r"truck|lorry)|the (?:barrier|wall|river))\b",
        r"\b(?:like|as if) (?:im|i am) already (?:halfway|half) (?:out the door|gone|dead)\b|"
        r"\balready "
        r"a ghost\b|\bfeel like a ghost\b(?! (?:in|at|to|around|among|here|there)\b)",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"^\W*(?:(?:ok|okay|so|well|right)\W+)?(?:its time|this is it|it is "
        r"time)\s*[.!,:;-].{0,120}\b(?:thank "
        r"(?:you|u)|thanks|goodbye|bye|sorry|love you|forgive)\b",
        r"^\W*(?:my )?(?:last|final) (?:message|words|post|text)\s*(?:[.!,]|$)",
        r"\b(?:tell|please tell) (?:them|her|him|everyone|my \w+) (?:that )?i (?:wasnt|was not|"
        r"never|"
        r"didnt) (?:angry|mad|upset|blaming|blame|hate|hated)\b|\bif (?:anyone|anybody|they) "
        r"asks?,? "
        r"tell (?:them|her|him)\b",
        r"\b(?:finished|wrote|written|writing|left) (?:the|my|my last|my final|the last|the final|"
        r"(?:my |the )?goodbye) (?:letters?|notes?) (?:to|for) (?:my|each|everyone|"
        r"all)\b(?!.{0,40}\b(?:pen ?pals?|pen "
        r"friends?|santa|birthday|thank you|cover|application|council|landlord|mp|school|teacher|"
        r"university|college|boss|work|job|club|newspaper|editor|grandma for|christmas)\b)",
        r"\bschedul(?:ed|ing|e) (?:an? |the |my )?(?:email|message|post|text|tweet)s?\b.{0,60}\b(?:"
        r"family|everyone|parents|mum|mom|dad|sister|brother|friends|explaining|goodbye|after "
        r"(?:im|"
        r"i am) gone|when (?:im|i am) gone|wont matter)\b(?!.{0,30}\b(?:birthday|meeting|reminder|"
        r"client|newsletter|invoice|promo|launch)\b)",
    ),
    _rule(
        "method_ideation", "ideation", 3, False,
        r"\bhow easy it (?:would be|is|would have been|could be) to (?:just )?(?:step|jump|fall|"
        r"let go|"
        r"go in|walk in|walk into|drive|swerve|end|disappear|slip|take|swallow|pull|keep walking|"
        r"not)\b",
        r"\b(?:looking|looked|look) up (?:stuff|things|what) i (?:shouldnt|should not)\b",
        r"\b(?:wouldnt|would not|wont|dont|never|not) (?:come|coming) back up\b",
        # a few other languages: the rules are English, but the commonest lines should not slip
        r"\b(?:je veux mourir|je vais me tuer|me suicider|envie de mourir|me tuer|ich will sterben|"
        r"ich bringe mich um|mich umbringen|will nicht mehr leben|quiero morir(?:me)?|me quiero "
        r"morir|"
        r"me voy a matar|quiero matarme|suicidarme|matarme|quero morrer|vou me matar|me matar|"
        r"voglio "
        r"morire|mi voglio uccidere|ammazzarmi|uccidermi|chce umrzec|zabije sie)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:wake|woke|waking) up\b.{0,40}\bwishing i (?:hadnt|didnt|wouldnt|had not|did not)\b",
        r"\bmind (?:not waking up|never waking up|if i (?:didnt|never) (?:woke|wake) up)\b",
        r"\bdeserves? (?:a |someone |something |so much )?better (?:\w+ )?than me\b",
        r"\b(?:dragging|drag|pulling|weighing) (?:everyone|everybody|my family|them|the people|"
        r"people|"
        r"everyone i love|the people i love|my friends)(?: \w+){0,3} down\b",
        r"\b(?:whats|what is) (?:even )?the point of (?:tomorrow|waking up|getting up|another day|"
        r"going on|trying anymore|anything anymore)\b",
        r"\b(?:dont|do not) know what (?:im|i am) (?:for|here for|alive for|living for) (?:anymore|"
        r"any "
        r"more)\b",
        r"\b(?:fall asleep|go to sleep|sleep)\b.{0,20}\b(?:and )?stay asleep\b(?! (?:all night|"
        r"through|longer|till|until|for (?:more|longer|\d+)))",
    ),
    _rule(
        "plan_marker", "plan", 0, False,
        r"\bi know (?:everything|what|all) i need to know\b",
    ),
    _rule(
        "at_hand_pronoun", "means", 0, False,
        rf"(?:^|[.!,] )(?:got|have|ive got) (?:my|the|all my|all the) (?:{DRUG}|knife|rope|noose|"
        rf"gun|"
        r"razor|blades?|belt)\b.{0,40}\bready\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, False,
        r"\b(?:punish|punishing|punished) my ?self\b(?!.{0,30}\b(?:workout|run|gym|exam|study|"
        r"studying|homework|diet)\b)",
        r"\brope\b.{0,12}\bchair\b|\bchair\b.{0,12}\brope\b",
    ),
    _rule(
        "means", "means", 3, True,
        rf"\b(?:meds|pills|medications?|drugs|{DRUG})\b.{{0,30}}\b(?:most|more|the most) "
        rf"(?:dangerous|"
        r"deadly|lethal|toxic) to (?:mix|take|combine|overdose|swallow)\b",
        r"\b(?:platforms?|stations?|train lines?|tracks|bridges?|roofs?|car parks?|multi "
        r"?storeys?)\b"
        r".{0,40}\b(?:no|without|dont have|dont have any|doesnt have|with no) (?:\w+ "
        r"){0,3}(?:barriers?|"
        r"fences?|gates?|screens?|safety doors|railings?|nets?)\b",
        r"\b(?:next|the|this|that) (?:one|train|express|fast one) (?:doesnt|does not|wont|will "
        r"not) "
        r"stop (?:here|at this)\b(?!.{0,40}\b(?:annoying|ugh|late|delay\w*|taxi|bus|walk|"
        r"replacement|"
        r"wait\w*|another|change|lol)\b)",
        r"\b(?:read|researched|looked up|googled|studied) (?:everything|all|a lot|loads|so much) "
        r"(?:there is )?about (?:how (?:long|much|many|it|to)|what (?:dose|amount))\b",
        r"\b(?:what|which) (?:medication|medicine|pills?|drugs?|meds|poison)\b.{0,40}\b(?:would|"
        r"could|"
        r"will)\b.{0,30}\b(?:work|do it|kill|be painless|let (?:her|him|them|me) (?:die|go)|go "
        r"quietly|not wake up|be quick|be enough)\b",
        r"\bhow fast\b.{0,40}\btrains?\b.{0,40}\b(?:doesnt stop|not stopping|through the station|"
        r"non "
        r"stop)\b",
        r"\b(?:tallest|highest)\b.{0,50}\b(?:roof access|access to the roof|get (?:on|onto|up on) "
        r"the "
        r"roof|unlocked roof|roof (?:is )?(?:open|unlocked))\b",
        rf"\bhow (?:many|much) (?:mg |milligrams |grams |g )?(?:of )?(?:\w+ )?(?:{DRUG})\b.{{0,30}}"
        r"\b(?:is|are|would be) (?:too many|too much)\b",
        r"\b(?:pharmacy|pharmacies|chemist|shop|store|supermarket)\b.{0,40}\b(?:doesnt|dont|wont|"
        r"never|does not|do not) ask (?:any )?(?:questions|anything)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        rf"\b(?:drank|drinking|downed|had|finished)\b.{{0,40}}\b(?:vodka|whiskey|wine|beers?|"
        rf"alcohol|"
        rf"booze|liquor|gin|rum)\b.{{0,10}}\bwith (?:\w+ ){{0,5}}(?:{DRUG})"
        r"\b",
        r"\bi (?:jumped|walked|went|threw my ?self) (?:in|into|off \w+ into) the (?:lake|river|sea|"
        r"canal|"
        r"water|ocean|quarry)\b.{0,50}\b(?:got out|came back out|couldnt|didnt work|failed|soaked|"
        r"freezing|body made me|swam back)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:says|said|tells me|told me) i (?:cant|can not|cannot|am not allowed to|m not "
        r"allowed to|"
        r"im not allowed to) (?:leave|go out|see my|talk to|call)\b(?!.{0,30}\b(?:game|party|until|"
        r"till|homework|grounded|phone)\b)|\b(?:he|she|they|my (?:\w+ )?(?:husband|wife|partner|"
        r"boyfriend|girlfriend|bf|gf|boss|dad|father|mom|mother|uncle|employer)) (?:\w+ )?(?:took|"
        r"takes|has taken|hid|hides|keeps) my (?:passport|documents|id|papers)\b",
        r"\b(?:me|le|nos|te) (?:pega|golpea|pegan|golpean)\b|\bschlagt (?:mich|meine)\b|\bme "
        r"(?:bat|"
        r"frappe)\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\b(?:drive|driving|drove|ram|ramming|plough|plowing|ploughing|steer|steering) (?:my |a |"
        r"the )?"
        r"(?:car|truck|van|lorry)? ?into (?:the |a )?(?:crowd|people|protesters|market|"
        r"pedestrians)\b",
        r"\b(?:stab|kill|shoot|hurt|strangle|murder|beat)\b.{0,40}\bi know where (?:he|she|they) "
        r"(?:lives?|works?|sleeps?)\b|\bi could (?:actually|really|seriously) (?:stab|kill|shoot|"
        r"strangle|murder) (?:him|her|them|someone)\b",
    ),
    _rule(
        "third_party_imminent", "third_party", 3, True,
        r"\blocked (?:herself|himself|themselves|themself) in\b.{0,60}\b(?:razor|knife|blade|gun|"
        r"pills|"
        r"rope|belt)\b",
        r"\b(?:texted|messaged|sent|said|posted)\b.{0,30}\b(?:sorry for everything|goodbye|i love "
        r"you "
        r"all|take care of)\b.{0,60}\b(?:not picking up|not answering|wont answer|cant reach|isnt "
        r"answering|phone is off|not replying|no answer)\b",
    ),
    _rule(
        "dose_question", "means", 0, False,
        # a question about an amount of a medicine: nothing alone, a method question after distress
        rf"\bhow (?:much|many)\b.{{0,40}}\b(?:{DRUG})\b|\b(?:{DRUG})\b.{{0,40}}\bhow (?:much|"
        rf"many)\b|"
        r"\b(?:what|which) (?:dose|amount|strength)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:wont|will not|not going to) be (?:at|in|back at|around)\b.{0,30}\bor ever\b",
        r"\b(?:you were|youre|you are|you have been) the only (?:one|person|thing)\b.{0,60}\b(?:"
        r"goodbye|bye|farewell)\b",
        r"\b(?:going to|gonna|will|ill|about to|cant wait to) (?:see|be with|join) (?:my )?(?:\w+ "
        r")?(?:"
        r"grandma|grandpa|nan|nana|mum|mom|dad|brother|sister|son|daughter|wife|husband|friend|him|"
        r"her|them)\b.{0,15}\b(?:soon|again|tonight|shortly)\b.{0,40}\b(?:died|passed|dead|heaven|"
        r"gone|grave|rip)\b",
        r"\b(?:wont|will not) (?:need|be needing) any of (?:it|them|this|that)\b",
        r"\bleft (?:my )?(?:\w+ ){0,3}(?:bank card|card and pin|pin number|pin|savings|money) "
        r"(?:and "
        r"\w+ )?for my\b",
        r"\b(?:wrote|written|writing|decided|sorted|made a list of) (?:out |down )?(?:who|which "
        r"(?:\w+ )"
        r"{0,2})gets (?:what|which of my|my (?:\w+ )?(?:things|stuff|plants|books|money|savings|"
        r"cat|dog|"
        r"pets?|clothes|games|jewell?ery|records|collection))\b",
        r"\bif\b.{0,50}\bby (?:midnight|tonight|tomorrow|morning|the weekend|friday|\d+ ?(?:am|"
        r"pm))\b"
        r".{0,20}\bthen (?:thats (?:my answer|it|that)|im (?:done|gone|out)|its over|i(?:ll| will) "
        r"(?:do it|go|know))\b",
        r"^\W*(?:final answer|decided|its decided|decision made|my decision)\W+(?:its )?(?:tonight|"
        r"today|"
        r"tomorrow|this weekend|on \w+day|\w+day)\W*$",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\b(?:the )?(?:rope|bridge|pills|void|tracks|edge|noose|blade) (?:is|are|keeps|keep) "
        r"calling"
        r"(?: me| my name)?\b(?!.{0,40}\b(?:climb\w*|said|booked|holiday|lol)\b)",
        r"\b(?:writing|making|recording|recorded|made|wrote|finished) (?:my|the) tapes\b|\b13 "
        r"reasons "
        r"(?:why )?vibes\b",
        r"\b(?:suicide karna|suicide kar|marna chahta|marna chahti|mar jana|mar jaunga|mar jaungi|"
        r"khud "
        r"ko maar)\w*\b|\bme quiero matar\b|\bvoy a matarme\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"^\W*(?:i )?cant (?:anymore|any more|do it anymore|go on)\W*$",
    ),
    _rule(
        "method_ideation", "ideation", 3, False,
        r"\bwhere (?:nobody|no one|noone) (?:would|will|could|can|is going to) find me\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        r"\b(?:the )?(?:stool|chair|box|bucket|ladder) is (?:under|beneath|below) (?:it|the rope|"
        r"the noose|"
        r"the beam|me)\b",
    ),
    _rule(
        "third_party_imminent", "third_party", 3, True,
        r"\b(?:drove|went|walked|ran|took off) (?:off|out|away)? ?with (?:the|a|his|her|their|my) "
        r"(?:\w+ )?(?:gun|rifle|shotgun|pistol|knife|pills)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:theyll|they will|someone will|somebody will|my \w+ (?:will|is going to)|mum will|"
        r"mom will|"
        r"she will|he will|shell|hell) find me\b(?! (?:a |an |some |the |at |in the (?:library|"
        r"office|"
        r"cafe|pub|gym|kitchen|garden)|after class|later at|if|when (?:they|she|he) need))",
        r"\b(?:dont|do not|please dont) (?:come |go )?(?:looking for me|try (?:to|and) find me|"
        r"come "
        r"looking|look for me)\b",
        r"\b(?:it|this) (?:was|is) never your "
        r"fault,? (?:none|any) of it\b|\byou (?:were|guys were|all were|have been) (?:all )?the "
        r"best "
        r"(?:part|thing) (?:of|in) (?:my life|this)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:want|wants|wanna|like) to be (?:buried|cremated|found) in\b",
        r"\b(?:keep|look after|take|have) my (?:cat|dog|pets?|rabbit|hamster|bird|fish|"
        r"kids?)\b.{0,50}"
        r"\b(?:made up a story|said (?:im|i was) going|told (?:her|him|them) (?:im|i was) going|"
        r"lied "
        r"about|im not\b)",
    ),
    _rule(
        "covert_timing", "plan", 0, False,
        rf"\b(?:my )?(?:{PERSON}|flatmate|housemate) (?:leaves|goes out|goes to work|is out|is "
        rf"away|"
        r"goes away|is gone) (?:at|by|on|in|for|tonight|tomorrow)\b",
    ),
    _rule(
        "intent_vague", "plan", 0, False,
        r"(?:^|[.!,] )(?:and )?(?:after that|then thats it|then its over|and then thats it|thats "
        r"it "
        r"then)\s*[.!]*$",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:quarry|river|lake|bridge|drop|fall|building|roof|reservoir|canal|water|cliff|car "
        r"park|"
        r"multi ?storey)\b.{0,20}\b(?:deep|high|tall|cold) enough\s*[?!.]*$",
    ),
    _rule(
        "means_question", "means", 2, False,
        r"\bhow many (?:storeys|stories|floors|levels) (?:is|are|does|has) (?:the )?(?:\w+ "
        r"){0,3}(?:car "
        r"park|multi ?storey|parking garage|building|block|tower)\b(?!.{0,60}\b(?:in the world|in "
        r"(?:dubai|europe|america|asia|new york|london|the us|the uk)|quiz|homework|school|project|"
        r"trivia|fact|ever built|record)\b)",
    ),
    _rule(
        "act_under_way", "act", 4, False,
        # the act-marker signals that cannot be everyday talk
        r"\b(?:already|just) (?:took them|swallowed them|took them all|swallowed them all)\b|"
        r"\bcant "
        r"(?:take (?:them|the pills) back)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\btell (?:my |her |him |them |everyone )?(?:\w+ ){0,2}(?:that )?i (?:was (?:proud|sorry|"
        r"happy|"
        r"grateful|never angry)|loved (?:her|him|them|you)|always loved|never meant to|tried my "
        r"best|really "
        r"tried)\b",
        r"\b(?:my |the )?(?:letter|note|letters|notes) (?:for|to) (?:my |her |him |them |"
        r"everyone)(?:\w+ )?"
        r"(?:is|are) (?:in|on|under) (?:my|the)\b",
        r"\b(?:wrote|writing|written|recorded|planned|planning|chose|picked) (?:my )?own (?:eulogy|"
        r"obituary|"
        r"funeral|funeral playlist|funeral songs|gravestone)\b",
        r"^\W*(?:its |this is )?my (?:last|final) (?:day|night)\s*[.!]+\s",
        r"\b(?:im )?sorry for being (?:such )?(?:a |an )?(?:disappointment|mess|burden|failure|"
        r"waste)\b.{0,60}"
        r"\b(?:goodbye|bye|logging off|signing off|for the last time|deserved better)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:belt|rope|cord|cable|scarf|sheet|lead|dressing gown cord)s? (?:is |are )?(?:round|"
        r"around|over|"
        r"tied to|tied round|on|hooked on) (?:the|a|my) (?:bannister|banister|beam|door|doorframe|"
        r"rail|"
        r"railing|hook|pipe|tree|loft hatch|curtain rail|bunk|wardrobe rail)\b",
        r"\b(?:brought|took|taking|packed|have|got|carrying) (?:the|my|a) (?:rope|noose|pills|gun|"
        r"belt|"
        r"razor|blades?|bottle of pills|tablets) with me\b(?!.{0,40}\b(?:boat|climb\w*|camp\w*|"
        r"work|"
        r"school|holiday|trip|just in case i get|for the (?:pain|headache|flight))\b)",
        r"\b(?:im |i am )?(?:finally )?(?:going to|gonna|ready to) do it (?:tonight|today|this "
        r"weekend|"
        r"tomorrow|now)\b(?!.{0,40}\b(?:homework|laundry|washing|exam|test|essay|gym|run|shopping|"
        r"presentation|interview|tattoo|dishes|cleaning)\b)",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:whats|what is|which is|which would be|would be) (?:\w+ )?(?:quicker|faster|easier|"
        r"less "
        r"painful|more certain|surer|more reliable|better|worse)\b.{0,12}\b(?:the )?(?:tracks|"
        r"train|river|"
        r"pills|rope|bridge|jumping|gun|bag|hanging|drowning|overdose|roof|cliff|knife|"
        r"car)\b.{0,20}\bor "
        r"(?:the )?(?:tracks|train|river|pills|rope|bridge|jumping|gun|bag|hanging|drowning|"
        r"overdose|"
        r"roof|cliff|knife|car|sea|lake)\b",
        r"\b(?:is|are|would|will) (?:a |the |one |two )?(?:plastic bag|bag|belt|rope|scarf|cord|"
        r"cable|"
        r"dressing gown cord|dog lead)s? (?:be )?(?:enough|strong enough)\s*[?.!]*$",
        r"\b(?:revolver|gun|pistol|rifle|shotgun)\b.{0,50}\b(?:still (?:fire|fires|work|works|"
        r"shoot|"
        r"shoots)|fire after)\b",
        r"\b(?:knot|knots)\b.{0,30}\b(?:holds?|hold up|take|takes|support) (?:a )?(?:persons?|my|a "
        r"humans?|an adults?|body) ?weight\b",
        r"\bbag over (?:your|my|someones|a persons) head\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, False,
        r"\b(?:so close to|close to|this close to|on the verge of|near to) (?:doing something(?: "
        r"(?:stupid|drastic|bad|i cant take back))?\s*(?:[.!]|$)|ending it|ending my life|giving "
        r"up for "
        r"good)\b",
        r"\bi (?:think )?id rather just do it\b|\brather just (?:do it|end it|go)\s*(?:[.!]|$)",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:floors?|storeys?|stories|metres|meters|feet|ft|m)\b.{0,40}\bchances\s*\?",
        r"\bligature\b",
        r"\b(?:belt|rope|cord|cable|scarf|lead|sheet|charger)\b.{0,30}\bhold (?:someone|a person|"
        r"me|"
        r"my weight|someone my (?:weight|size))\b",
        r"\b(?:nobody|no one|noone) (?:is )?around\b.{0,40}\b(?:bridge|viaduct|flyover|overpass|"
        r"roof|"
        r"car park|multi ?storey|cliff|tracks|quarry|reservoir|dam)\b|\b(?:bridge|viaduct|flyover|"
        r"overpass|roof|car park|multi ?storey|cliff|tracks|quarry|reservoir|"
        r"dam)\b.{0,40}\b(?:nobody|"
        r"no one|noone) (?:is )?around\b",
        r"\bhow (?:long|fast|quickly)\b.{0,40}\b(?:starv|freez|bleed|drown|suffocat)\w*(?: to "
        r"death)?\b",
        r"\bhow far (?:down|is the drop|to the water|is it down)\b(?!.{0,90}\b(?:ride|"
        r"rollercoaster|roller "
        r"coaster|coaster|theme park|pleasure beach|big one|log flume|mine|well|cave|zipline|zip "
        r"line|"
        r"zip wire|bungee|abseil\w*|rafting|kayak\w*|canoe\w*|fishing|drone|photo|swing|gorge "
        r"walk)\b)",
        r"\b(?:ammo|ammunition|bullets|shells|gun safe|gun cabinet)\b.{0,60}\b(?:where (?:do|would|"
        r"does|can)|how (?:do|can|would) (?:i|you|people)|the code|the key)\b",
        r"\b(?:drown|sink) faster\b|\brocks in (?:my|your|the) (?:coat|pockets)\b",
        r"\b(?:overdose|insulin|pills|it)\b.{0,30}\blook like (?:a natural death|natural causes|an "
        r"accident)\b",
        r"\b(?:shells|rounds|ammo|a gun|guns|bullets)\b.{0,40}\b(?:easier|easy) to (?:buy|get)\b|"
        r"\bbuy "
        r"a gun if (?:you|i|they) (?:cant|can not|wont) pass\b",
        r"\b(?:highest|best|worst|most) (?:fatality|death|success|lethality) rates?\b",
        r"\b(?:gabapentin|pregabalin|benzos?|xanax|opioids?|sleeping pills?|tramadol)\b.{0,30}\b(?:"
        r"alcohol|vodka|booze)\b.{0,40}\b(?:stop breathing|actually work|work together|kill|"
        r"fatal)\b|"
        r"\b(?:sleeping pills|pills)\b and (?:vodka|alcohol|whiskey)\b.{0,20}\b(?:actually "
        r")?work\b",
        r"\b(?:fastest|express|non stop) trains?\b.{0,30}\b(?:comes? through|passes|goes "
        r"through)\b",
        r"\b(?:flyover|viaduct|overpass|bridge|car park|multi ?storey)\b.{0,20}\b(?:high|tall) "
        r"enough\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        rf"\b(?:took|swallowed|downed) (?:\w+ ){{0,5}}(?:{DRUG}|pill organi[sz]er|pill box|"
        rf"dosette)\b"
        r".{0,15}\b(?:in one go|all at once|at once|at the same time)\b",
        rf"\b(?:took|swallowed|downed|taken) (?:what was left|the rest|whatever was left|"
        rf"everything|all "
        rf"that was left) of (?:\w+ ){{0,3}}(?:{DRUG})\b",
        r"\b(?:taken|took|swallowed|had) (?:\d+|ten|twenty|fifteen|a few|some) (?:\w+ )?so far\b",
        r"\b(?:in|already in) the (?:bath|bathtub|tub)\b.{0,30}\b(?:razor|blade|knife)\b",
        r"\b(?:sitting|sat|standing) (?:on|at) (?:the )?(?:roof|edge|ledge|railing|bridge|"
        r"balcony)\b"
        r".{0,40}\b(?:legs over|feet over|legs dangling|feet dangling)\b",
        r"\b(?:opened|emptied|popped) (?:all )?(?:the|my) (?:blister packs|packets|boxes|"
        r"bottles?)\b"
        r".{0,20}\b(?:onto|on|into|in) (?:the|my) (?:bed|desk|table|hand|floor)\b",
        r"\b(?:door|doors|vents?|gaps?|windows?)(?:s| is| are)? (?:all )?(?:taped|sealed)(?: "
        r"up)?\b",
        r"\b(?:knot|noose)(?:s| is) (?:done|tied|ready|finished)\b",
        r"\b(?:the )?(?:chair|stool)(?:s| is) in (?:position|place)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:cancelled|canceled|cancel) (?:my )?(?:\w+ )?(?:appointment|appointments|therapy|"
        r"sessions?|prescription|refill|check ?up)\b.{0,40}\b(?:wont need|no need|not going to "
        r"need|"
        r"wont be needing)\b",
        r"\b(?:a letter|letters|a note|notes|one) for each of my\b",
        r"\bbooked a (?:hotel )?room\b.{0,60}\b(?:find me|nobody (?:at home )?has to|so (?:they|my "
        r"family|nobody|no one) (?:dont|doesnt|wont))\b",
        r"\bset up (?:the )?(?:rent|bills|payments|direct debits)\b.{0,40}\b(?:till|until|after|"
        r"when)\b"
        r".{0,40}\b(?:lease ends|im gone|they can|after that)\b",
        r"\b(?:water|feed|look after|take care of) my (?:plants|cat|dog|fish|pets?)\b.{0,20}\b"
        r"(?:indefinitely|forever|for good|from now on)\b",
        r"\bfuneral playlist\b|\bpasswords doc\b",
        r"\bbought the stuff\b(?!.{0,40}\b(?:party|bbq|cake|recipe|dinner|project|for (?:the|my|"
        r"our)))",
        r"\b(?:got|have) everything i need now\s*[.!]*$",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bwhoever (?:reads|finds|sees) (?:this|these|me)\b",
        r"\b(?:its|it is|this is|this isnt|its not) (?:not )?a cry for help\b",
        r"\bremember me as (?:the|a|an|someone)\b",
        r"\b(?:one )?last look at\b",
        r"\b(?:drove|walked|went) past (?:\w+ ){0,2}(?:house|school|home|work) one last time\b",
        r"\b(?:coffin|grave|skull|rope|noose)\b.{0,20}\b(?:soon|tonight|tomorrow)\b",
        r"\bsoon the rest of me\b|\bchecked out (?:months|weeks|years) ago\b",
        r"\bnows (?:good|the time)\s*[.!]*$",
        r"\b(?:its|it is) not a cry for help\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\b(?:quit|ragequit|rage quit|uninstall|uninstalling|log out of|logging out of|delete|"
        r"deleting) (?:my )?(?:whole )?(?:life|existence|myself)\b(?! (?:admin|insurance))",
        r"\bnot respawning\b|\bno respawn\b|\bwont respawn\b|\blet(?:ting)? (?:it|the final boss) "
        r"win\b"
        r".{0,20}\b(?:grave|coffin|skull|for good)\b",
        r"\brope\b(?! ladder).{0,15}\b(?:ladder|stool|chair)\b",
        r"\b(?:mamatay|magpakamatay|sumir de vez|quero sumir|nao aguento mais|me matar|suicidio)\b",
        r"\b(?:take|taking) me out of the picture\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:want|wish|need) (?:the |my )?(?:noise|voices|thoughts|pain) in my head to (?:stop|"
        r"end|go "
        r"away) (?:permanently|forever|for good)\b",
        r"\b(?:want|wish) (?:the )?lights to (?:go out|turn off)\b(?!.{0,30}\b(?:bedroom|room|"
        r"sleep|"
        r"neighbours?|street)\b)",
        r"\b(?:rest of my life|my life) (?:to be|be) short\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, False,
        rf"\b(?:dug|dig|digging|digs) my (?:nails|fingernails|compass|pen) into my "
        rf"(?:{BODY[3:-1]})\b",
        r"\bmade my ?self (?:throw up|sick|vomit|purge)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:keeps|kept|holds|hid|hides|confiscated|wont give me back|wont give back) my "
        r"passport\b",
        r"\b(?:carer|caregiver|nurse|staff|orderly)\b.{0,30}\b(?:slapped|hit|hits|hurt|hurts|"
        r"pushed|shoved|"
        r"kicked|punched|pinched|tied up|locked)\b (?:him|her|them|my \w+)\b",
        r"\b(?:met|talking to|chatting with)\b.{0,30}\b(?:online|on roblox|on discord|on snapchat|"
        r"on "
        r"instagram|in a game|on fortnite|on minecraft)\b.{0,60}\b(?:not to tell|dont tell|secret|"
        r"between us|send (?:pics|photos|nudes)|meet me|meet up)\b",
        r"\b(?:tracks|checks|reads|goes through) my phone\b.{0,40}\b(?:breaks|hits|throws|screams|"
        r"punishes|hurts)\b",
        r"\bmakes? me sleep (?:in|outside|on)\b.{0,40}\b(?:shed|garage|garden|outside|floor|cold|"
        r"below "
        r"zero|freezing)\b|\bmakes? me sleep in the (?:shed|garage|garden)\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\b(?:think|thinking|thought|fantasi[sz]e|fantasi[sz]ing) about (?:pushing|shoving|"
        r"stabbing|"
        r"killing|hurting|shooting|poisoning|strangling) (?:my|him|her|them|someone|people|the)\b",
        r"\b(?:got hold of|bought|has|got) a (?:gun|knife|weapon)\b.{0,40}\b(?:sort (?:them|him|"
        r"her) "
        r"out|going to (?:use|shoot|get|hurt)|make them pay|teach them)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:brother|sister|friend|son|daughter|mate|partner|kid|child)\b.{0,40}\b(?:googling|"
        r"searching|looking up|reading about)\b.{0,20}\b(?:overdoses?|suicide|how to die|ways to "
        r"die|"
        r"self harm|hanging)\b",
        r"\b(?:dad|mum|mom|father|mother|grandad|grandpa|grandma|nan|uncle|aunt|brother|sister|"
        r"husband|wife)\b.{0,30}\b(?:giving|gave|given) (?:his|her|their) (?:\w+ )?(?:stuff|things|"
        r"tools|belongings|possessions|clothes|books|guns?|savings) away\b",
        r"\blist\b.{0,30}\btitled\b.{0,40}\b(?:things|reasons|before i|when im gone|to do "
        r"before)\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\bsuicide (?:thoughts|urges|ideation|feelings)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, False,
        r"\b(?:swallowed|swallow|swallowing|ate|eat) (?:\w+ ){0,2}(?:pins|needles|batteries|glass|"
        r"razor blades|blades|screws|nails|thumbtacks|staples)\b",
        r"\bnot to die,? (?:just )?to (?:hurt|feel (?:pain|something)|punish)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:not to tell|to not tell|dont tell|keep (?:it )?(?:a )?secret|keep "
        r"quiet)\b.{0,40}\b(?:"
        r"touching|touches|touched|what he does|what she does)\b|\b(?:touching|touches|touched)\b"
        r".{0,40}\b(?:not to tell|to not tell|dont tell|keep (?:it )?(?:a )?secret|our secret)\b",
        r"\b(?:wont|doesnt|will not|never|wouldnt) let me (?:eat|sleep|leave|see a doctor|use the "
        r"phone|"
        r"have my (?:medication|meds|pills)|take my meds|see my (?:friends|family|kids))\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:saying|said|say|started saying) goodbye to (?:things|places|everything|every thing|"
        r"the "
        r"world|my room|my street|it all)\b",
        r"\blast time (?:talking|speaking|writing|i talk|i speak) to (?:anyone|you|anybody|"
        r"people)\b",
        r"\b(?:life )?insurance\b.{0,30}\b(?:kicks in|pays out|covers|valid|"
        r"starts)\b.{0,30}\b(?:years?|"
        r"suicide|clause)\b",
        r"\b(?:one way trip|one way ticket) to (?:the )?(?:shadow realm|other side|heaven|hell|"
        r"afterlife|nowhere)\b|\bshadow realm\b(?=.{0,20}\b(?:not a (?:meme|joke)|for real|fr)\b)",
    ),
    _rule(
        "means", "means", 3, True,
        r"\bwould (?:the (?:cold|fall|water|drop|impact|current)|it) (?:do it|kill me|be enough|"
        r"finish "
        r"me)\b",
        r"\b(?:spot|place|point|end) (?:to|where you) (?:stand|jump|be)\b.{0,40}\b(?:make sure|"
        r"guarantee|train|tracks|platform)\b",
    ),
    _rule(
        "intent", "plan", 3, True,
        r"(?:^|[.!,] )(?:and )?(?:taking|swallowing|downing) (?:them all|all of them|the lot|every "
        r"(?:single |last )?one|the whole (?:bottle|box|pack))\b",
        r"\bstepping (?:off|out) (?:in (?:a|one|\d+) (?:minute|min|sec|second|moment)|now|"
        r"tonight)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        r"\b(?:water|waters|river|sea|tide)(?:s| is)? (?:up to|past|over) my (?:chest|neck|chin|"
        r"waist|"
        r"shoulders)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:im )?sorry (?:mum|mom|dad|everyone|guys|all|mama|papa)\W+i (?:couldnt|could not|"
        r"cant|"
        r"just couldnt) (?:do (?:it|this)|take it|go on|cope|keep going)(?: anymore| any more)?\b",
        r"\bif (?:nobody|no one|noone|you|she|he|they)\b.{0,40}\b(?:in (?:an|a|one|\d+) (?:hour|"
        r"hours|"
        r"minutes|mins)|by (?:\w+)|tonight)\b.{0,20}\b(?:im going|im gone|im done|thats it|ill do "
        r"it|"
        r"i will do it)\s*[.!]*$",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:is it|would it be|is going) (?:\w+ )?painless to (?:go|die|end it|do it|pass)\b",
    ),
    # ---- third pass (fresh batches 10-11): general families -----------------------------------
    _rule(
        "passive_ideation", "ideation", 2, False,
        # "if i had a heart attack on the drive to work i dont think id mind"
        r"\bif (?:i|something|anything) (?:\w+ ){0,3}(?:had|got|get|have|was in|were in|died in|"
        r"died of|crashed|hit by|caught|happened to me|happens to me)\b.{0,60}\b(?:(?:wouldnt|"
        r"would not|dont think (?:i|id)|dont think i "
        r"would|wouldnt really|honestly wouldnt) (?:really )?(?:mind|care)|(?:would be|id be|be) "
        r"(?:a relief|relieved|fine with it|okay with it|ok with it))\b",
        # "everyone at home would be less stressed if i wasnt around"
        r"\b(?:would|d|will|be) be (?:\w+ ){0,3}(?:if i (?:wasnt|werent|was not|were not|wasn t) "
        r"(?:around|here|alive|in the picture|in their lives)|if i (?:just )?(?:disappeared|"
        r"vanished|"
        r"was gone|were gone))\b(?! (?:this|next|for|on|tonight|today|tomorrow|at|until|till|"
        r"when))",
        # "no point in anything since..."
        r"\b(?:no|theres no|there is no|dont see the|dont see any|whats the|what is the) point "
        r"(?:in|to|of) (?:anything|any of it|anything anymore|it all|everything|existing|going "
        r"on|waking up)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        # goodbye to a community ("goodbye server, it was fun while it lasted")
        r"\b(?:goodbye|bye|farewell|so long) (?:\w+ ){0,2}(?:server|chat|discord|gc|group|guys|"
        r"yall|"
        r"friends|everyone|all|team|squad|stream)\b.{0,80}\b(?:fun while it lasted|was (?:nice|"
        r"good|"
        r"great) while it lasted|(?:he|she|they|you) (?:was|were) the best|remember me|take care "
        r"of|"
        r"dont forget me|goes to my|belongs to)\b",
        # a living friend praised in the past tense: "tell ezra he was the best duo"
        r"\btell (?:\w+ ){1,2}(?:he|she|they) (?:was|were) (?:the best|my best|a good|an amazing|"
        r"the "
        r"greatest|the only)\b",
        # "this is my last stream", "my last video, thank u for everything"
        r"\b(?:this is|this was|heres|its) (?:my )?(?:last|final) (?:stream|video|upload|vlog|"
        r"tweet|"
        r"story|game|match|session|song|drawing)\b(?! (?:before|for|of the|until|till|on here for|"
        r"in|this|lol|of \d+|ever\b))",
        # "i wont be needing this chat much longer"
        r"\b(?:wont|will not|not going to) be needing (?:this (?:chat|app|place|service)|you|haven|"
        r"any of (?:this|it)) (?:much longer|for much longer|for long|anymore|any more|after "
        r"(?:tonight|today))\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        # an accident welcomed: "itd be a relief if the plane went down", "id be fine if a meteor hit"
        r"\b(?:relief|relieved|fine|okay|ok|nice|good|a blessing|wouldnt mind|would not mind|dont "
        r"mind|not mind|wouldnt care)\b.{0,15}\bif (?:a|the|my|our|some) (?:\w+ )?(?:plane|flight|"
        r"meteor|asteroid|car|bus|truck|lorry|train|drunk driver|tree|building|roof|ceiling) "
        r"(?:\w+ ){0,2}(?:went down|goes down|crashed|crashes|crash|hit|hits|fell|falls|ran|runs|"
        r"came down|comes down|collapsed|landed|came off|comes off|went off|derailed)\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        # a reunion with the dead: "going to be with mum and dad soon. im not scared anymore"
        r"\b(?:be|going to be|gonna be|will be|ill be|im going to be) (?:with|joining|seeing) "
        r"(?:\w+ ){1,4}(?:soon|again soon|very soon|before long)\b(?=.{0,60}\b(?:not (?:scared|"
        r"afraid)|"
        r"at peace|ready|finally|in heaven|miss them|missed them)\b)",
        r"\bsoon (?:ill|i will|im going to|i am going to|im gonna) (?:be (?:with|joining|seeing)|"
        r"see|"
        r"join) (?:\w+ ){1,3}(?:again\b|\w+\b)(?=.{0,60}\b(?:not (?:scared|afraid)|at peace|ready|"
        r"finally|in heaven|miss (?:them|her|him))\b)",
        r"\b(?:join|joining|be with) (?:my )?(?:late |dead )?(?:\w+ ){0,3}(?:in heaven|on the "
        r"other "
        r"side|up there|in the ground)\b(?! (?:someday|one day|when (?:its|it is) my time))",
    ),
    _rule(
        "intent", "plan", 3, False,
        # no promise of safety: "cant promise i wont do something stupid tonight"
        r"\b(?:cant|cannot|can not|couldnt|wont|not going to|dont think i can) (?:promise|"
        r"guarantee|"
        r"swear|say for sure)(?: (?:you|u|anyone|them|her|him))?(?: that)? (?:i wont|i will not|"
        r"ill "
        r"not|i dont|im not going to) (?:do (?:something|anything)|hurt my ?self|harm my ?self|try "
        r"(?:anything|something)|act on it|go through with it)\b",
        r"\b(?:cant|cannot|can not|couldnt|wont) (?:promise|guarantee|swear)(?: (?:you|u|anyone))?"
        r"(?: that)? (?:ill|i will|i ll) (?:be (?:safe|ok|okay|alright|alive|here)|stay safe|make "
        r"it)"
        r"(?: (?:tonight|tomorrow|this time|much longer|till morning))?\b",
    ),
    _rule(
        "at_edge", "means", 3, False,
        # someone at the top of a high place, or stopped on a bridge
        r"\b(?:im|i am|sitting|sat|standing|parked|waiting|been) (?:\w+ )?(?:at|on|in) the (?:top|"
        r"highest|roof|top level|top floor|top deck|top storey|upper deck) (?:level |floor |deck )?"
        r"(?:of )?(?:the |a |this )?(?:car park|multi storey|multi story|parking garage|parking "
        r"structure|building|tower|bridge|cliff|dam|viaduct|flats|block)\b(?!.{0,60}\b(?:meet|"
        r"where (?:are|r|did|do|is)|park|parked|waiting for (?:you|u|him|her|them)|pick (?:me|you|"
        r"u) up|see you|lift|stairs|"
        r"ticket|pay|parked (?:the|my) car|level \d|spaces?|space|view|photo|sunset|fireworks|"
        r"restaurant|bar|cafe|gym|office|work|meeting|lol)\b)",
        r"\b(?:pulled over|stopped|parked|stopped the car|pulled in) (?:on|at|onto) (?:the |a |"
        r"this )?"
        r"(?:middle of the )?(?:bridge|cliff edge|cliff top|clifftop|viaduct|overpass|dam)\b"
        r"(?!.{0,60}\b(?:traffic|broke down|breakdown|flat|puncture|police|accident|crash|"
        r"roadworks|"
        r"photo|pics?|view|sunset|call|phone|sat nav|satnav|directions|lost)\b)",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        # emoji sequences: "train -> person", "me -> bridge"
        r"\b(?:train|bus|knife|rope|pills|gun|bridge|razor|grave|coffin)\s*(?:➡\ufe0f?|→|->|\+)\s*"
        r"(?:🧍|🚶|me\b|🫵|😵|skull|coffin|grave)",
        r"(?:🧍|🚶|\bme)\s*(?:➡\ufe0f?|→|->)\s*(?:train|bus|bridge|rope|pills|grave|coffin|skull|"
        r"knife|🌊)",
        # "catching the bus, and not the one to school"
        r"\b(?:catch|catching|take|taking|get|getting) the bus\b.{0,40}\bnot the (?:one|kind|usual|"
        r"normal|regular|school) (?:\w+ )?(?:to|for|bus)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        # the means laid out with the rest: "got my knife and my playlist ready"
        r"\b(?:got|have|laid out|put out|set out|gathered) (?:my|the) (?:knife|rope|pills|blade|"
        r"razor|"
        r"gun|belt|noose|tablets|meds)\b.{0,30}\b(?:playlist|note|letter|letters|goodbye|last meal|"
        r"favourite (?:song|hoodie|clothes))\b.{0,20}\b(?:ready|out|set|sorted|done)\b",
        # accounts deleted down to the last one
        r"\bdeleted (?:all )?(?:of )?my (?:\w+ ){0,4}(?:accounts?|socials|social media|discord|"
        r"insta|"
        r"instagram|tiktok|snap|snapchat|twitter|facebook)\b.{0,60}\b(?:last (?:account|one|thing|"
        r"step)|nothing left|only (?:one|this) left|loose ends|before i go|wont need)\b",
        r"\b(?:tied|tying|tie) up (?:every|each|the last|all my|every last) loose "
        r"ends?\b(?!.{0,40}\b(?:"
        r"work|project|job|office|holiday|vacation|leave|move|moving|semester|term|handover|report|"
        r"before (?:i|we) (?:leave|go|move))\w*\b)",
        r"\bnothing (?:left|more) to (?:sort|sort out|do|organise|organize|arrange|fix|settle)\b"
        r"(?=.{0,10}$)(?<=.{40})",
    ),
    _rule(
        "act_under_way", "act", 4, False,
        # "i think i took too much", "took too many, my legs are numb"
        rf"\b(?:i |i think i |think i |might have |may have |i might have )?took (?:way )?too "
        rf"(?:much|many)(?: (?:of )?(?:my |the |them|those|these|{DRUG}))?\s*(?:[.,!]|$|and |"
        rf"i |im |my |now )",
        r"\bmixed (?:the |some )?(?:bleach|chemicals|cleaning (?:stuff|products)|pool chemicals)\b"
        r".{0,60}\b(?:shut|closed|locked|sealed|taped) (?:the |my )?(?:door|window|windows|"
        r"vents?)\b",
    ),
    _rule(
        "means", "means", 3, False,
        # "guess ill go step in front of the 42 bus"
        r"\b(?:step|stepping|walk|walking|jump|jumping|throw my ?self|lie down|lying down|lay "
        r"down) "
        r"(?:out )?in front of (?:a|the|an|some|next) (?:\d+ |moving |oncoming |speeding |next |"
        r"fast )?(?:bus|"
        r"train|car|lorry|truck|tram|tube|van)\b(?!.{0,30}\b(?:to (?:take|get) a (?:photo|picture|"
        r"selfie)|for a (?:photo|picture|selfie)|for the (?:photo|picture|shot))\b)",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        # "my uncle touched me again"
        r"\b(?:uncle|stepdad|step dad|stepfather|cousin|grandpa|grandad|granddad|coach|teacher|"
        r"neighbou?r|brother|dad|father|mums boyfriend|moms boyfriend|tutor|babysitter|pastor|"
        r"priest|"
        r"boss|he|she) (?:\w+ )?(?:touched|touches|touching|groped|gropes|grabbed|grabs|keeps "
        r"touching|tried to touch|came into my (?:room|bed)) (?:me|my (?:body|chest|breasts?|butt|"
        r"privates|thigh|legs?))\b(?! (?:on the (?:shoulder|arm|back)|to (?:say|tell|get my "
        r"attention)|"
        r"a |an |some |one |lunch|coffee|dinner|food|drink))",
    ),
    _rule(
        "height_question", "means", 1, False,
        # "wheres the nearest bridge" (a method hint only with distress in the message or context)
        r"\b(?:wheres|where is|where s|how far is|how do i get to) (?:the )?(?:nearest|closest|"
        r"highest|tallest|a) (?:bridge|cliff|rooftop|car park|multi storey|railway line|train "
        r"tracks|"
        r"overpass|viaduct|tall building)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        # afraid of oneself: "im scared of what i might do tonight"
        r"\b(?:scared|afraid|worried|frightened|terrified) (?:of|about) what i (?:might|could|"
        r"would|will|"
        r"am going to|m going to|may) do(?: to my ?self)?\b(?! (?:to (?:him|her|them|my (?:boss|ex|"
        r"brother|sister))|if (?:i|he|she|they) (?:see|lose|fail|get)))",
        # not now, but later when nobody is there
        r"\b(?:not|wont|isnt|never) (?:\w+ ){0,6}(?:tonight|today|now|yet)\b\W+(?:but |maybe |"
        r"probably )?"
        r"(?:tomorrow|tmrw|later|next week|this weekend|soon)\b.{0,40}\b(?:when|once|after) (?:the "
        r"house is empty|everyone (?:leaves|has left|is gone|goes|is out|is asleep)|theyre (?:gone|"
        r"out|"
        r"asleep)|nobody is (?:home|around)|no one is (?:home|around)|im alone)\b",
        # a correction that leaves the act implied: "i never said i wanted to die. i said im going to"
        r"\bi (?:said|meant|mean) (?:im|i am|i will|ill|i was) (?:going to|gonna|about to|actually "
        r"going to) ?(?:do it)?\s*[.!]*$",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        # "theyd be better off with just my brother"; "i just want to disappear"
        r"\bbetter off with (?:just|only) (?:my|their|his|her|the) (?:\w+ )?(?:brother|sister|"
        r"siblings?|kids|son|daughter|other \w+)\b",
        r"\b(?:want|wanna|wanting|need|wish i could|would love to) (?:to )?(?:just )?disappear\b"
        r"(?! (?:for|to|into (?:a|the|my) (?:\w+ )?(?:book|game|woods|mountains|bed|show|series|"
        r"novel|music)|on (?:holiday|vacation)|"
        r"under|in (?:a|the) (?:book|bath|hoodie)))",
    ),
    _rule(
        "self_harm", "self_harm", 3, False,
        # "i need the sh to stop but i did it again"; a bare "cut again"
        r"\b(?:the |my )?(?:sh|self harm|self harming|cutting|burning)\b.{0,40}\b(?:did it|done it|"
        r"cut|relapsed|happened|started) again\b",
        r"^\W*(?:i |just |i just )?(?:cut|sh|shd|burned|burnt|relapsed) (?:again|tonight|last "
        r"night|"
        r"today)\W*$",
    ),
    _rule(
        "means", "means", 3, True,
        # a gun with its ordinary purpose denied: "can u buy a gun at 17? not for hunting"
        r"\b(?:buy|get|borrow|find|get hold of) (?:a |my |his )?(?:gun|rifle|shotgun|pistol|"
        r"handgun|firearm)\b.{0,60}\bnot (?:for|to go) (?:hunting|the range|sport|shooting|"
        r"protection|target practice|clays|self defen[cs]e)\b",
    ),
    _rule(
        "plan", "plan", 3, True,
        # "i have a plan, just no date yet"
        r"\b(?:i have|ive got|i got|got|i made|made) a plan\b.{0,20}\b(?:no date|not (?:picked|set|"
        r"chosen|decided) (?:a|the) (?:date|day)|just need (?:a|the) (?:right |perfect )?(?:date|"
        r"day|"
        r"time|moment|night)|"
        r"(?:date|day) (?:isnt|is not|not) (?:set|picked|decided))\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, False,
        # a bare "end it" as the whole message
        r"^\W*(?:(?:i|i just|just|gonna|going to|im going to|i want to|i wanna|wanna|time to) "
        r")?end "
        r"it\W*$",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        # a bare "its over" as the whole message
        r"^\W*(?:its|it s|it is) (?:all )?over(?: now| for me)?\W*$",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        # a message of means words or their emoji only: "rope 🪢", "🔪🔪"
        r"^\W*(?:(?:rope|noose|razor|blade|knife|gun)\W*){2,}$",
    ),
    # ---- other languages (Portuguese, Spanish, Hindi/Hinglish, Polish, Tagalog): acts, means and
    # times; the encoder reads them poorly and the rules are otherwise English
    _rule(
        "act_under_way", "act", 4, False,
        r"\b(?:tomei|engoli|tomou|me tome|tome|trague|me trague)\b(?: \w+){0,3} (?:cartela|caixa|"
        r"frasco|"
        r"comprimidos|remedios|pilulas|pastillas|caja|tabletas|blister)\b.{0,20}\b(?:inteira|"
        r"inteiro|"
        r"inteiras|toda|todos|todas|tudo|entera|entero|enteras)\b",
        r"\b(?:tomei|engoli|me tome|trague) (?:todos os|todas as|todas las|todos los|\d{2,}) "
        r"(?:comprimidos|remedios|pilulas|pastillas|tabletas|capsulas)\b",
        r"\b(?:saari|sari|poori|puri|bahut saari|sab) (?:goliyan|goli|dawai|dawaiyan|tablets|pills|"
        r"neend ki goliyan) (?:kha li|kha liya|kha lee|le li|le liya|kha gaya|kha gayi|nigal li)\b",
        r"\b(?:wzialem|wzielam|lyknalem|lyknelam|polknalem|polknelam|zjadlem|zjadlam) (?:\w+ ){0,3}"
        r"(?:tabletki|tabletek|lekow|leki|opakowanie|opakowania)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:main|mai|me) (?:ab )?(?:nahi|nahin|nhi) (?:rahunga|rahungi|rahoonga|rahoongi|"
        r"bachunga|"
        r"bachungi|milunga|milungi)\b",
        r"\bsab (?:ko|se) (?:bye|alvida|goodbye) (?:bolna|kehna|kehta|keh raha|keh rahi)\b",
        r"\b(?:paalam|adios|adeus|alvida|zegnajcie|egnajcie) (?:na )?(?:sa inyo|a todos|a todas|"
        r"para sempre|para siempre|sabko|wszystkim)\b(?!.{0,60}\b(?:lilipat|moving|move|mudando|"
        r"mudanza|vacation|bakasyon|holiday|viaje|viagem)\b)",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:aaj raat|aaj|kal) (?:ke baad|se) (?:main |mai )?(?:nahi|nahin|nhi) (?:rahunga|"
        r"rahungi|"
        r"milunga|milungi)\b",
    ),
    _rule(
        "means_ready", "means", 2, False,
        r"\bmam (?:juz )?(?:tabletki|leki|line|sznur|noz|zyletki|pigulki)\b.{0,30}\b(?:szufladzie|"
        r"schowane|przygotowane|odlozone|gotowe|pod lozkiem|odliczone|w pokoju)\b",
        r"\b(?:ja )?(?:tenho|tengo) (?:os|as|los|las)? ?(?:comprimidos|remedios|pilulas|pastillas|"
        r"tabletas|a corda|la cuerda)\b.{0,30}\b(?:guardad\w+|escondid\w+|na gaveta|en el cajon|"
        r"prontos|listos|prontas|listas|separad\w+)\b",
        r"\b(?:dupatta|chunni|rassi)\b.{0,30}\b(?:ready|taiyaar|tayyar|tayaar)\b",
    ),
    _rule(
        "means_in_place", "means", 3, False,
        r"\bpankha\b.{0,40}\b(?:dupatta|chunni|rassi)\b|\b(?:dupatta|chunni|"
        r"rassi)\b.{0,40}\bpankha\b",
    ),
    _rule(
        "covert_timing", "plan", 0, False,
        r"\b(?:jak|kiedy) wszyscy (?:wyjda|wyjdom|pojda spac|zasna)\b|\bquando (?:todos|todo "
        r"mundo) "
        r"(?:sair|sairem|dormir|sairem de casa)\b|\bcuando (?:todos|todo el mundo) (?:se vayan|"
        r"salgan|"
        r"duerman)\b|\b(?:hostel|ghar|room|kamra|kamre) (?:\w+ )?khali (?:hone|ho jaye|hoga)\b|"
        r"\bsab "
        r"(?:so jaye|so jayenge|chale jaye|chale jayenge)\b",
    ),
    _rule(
        "timing", "plan", 0, False,
        r"\b(?:hoje a noite|hoje de noite|esta noite|amanha|esta noche|manana|ce soir|demain|heute "
        r"nacht|aaj raat|kal subah|kal raat|jutro|dzis wieczorem|dzisiaj|dzis w nocy|mamayang gabi|"
        r"bukas|ngayong gabi)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        # possessions bequeathed: "the pc goes to my brother", "my cat goes to sarah"
        r"\b(?:my|the) (?:\w+ ){0,2}(?:pc|computer|laptop|xbox|playstation|ps5|ps4|switch|console|"
        r"guitar|bike|phone|clothes|stuff|things|games|cat|dog|savings|money|account|collection|"
        r"cards|books|figures|setup) (?:goes|go|will go|should go|can go|is going) to (?:my |\w+\b)"
        r"(?!.{0,40}\b(?:when (?:i|we) (?:move|leave|go)|while (?:im|i am|were|we are)|for (?:the|"
        r"his|"
        r"her|a) (?:weekend|week|birthday|christmas|summer|holidays?)|after (?:uni|school|the "
        r"move)|"
        r"charity shop|recycl\w*)\b)",
    ),
    _rule(
        "self_harm", "self_harm", 3, False,
        # cover stories for injuries: "the cat scratch excuse isnt working", "long sleeves in july"
        r"\b(?:cat scratch|the cat|clumsy|fell|fall)\w* (?:excuse|story|lie|"
        r"thing)\b.{0,60}\b(?:again|"
        r"anymore|noticed|saw|asked|believe)\b|\b(?:hide|hiding|cover|covering) (?:the |my )?"
        r"(?:cuts|scars|marks|burns|bruises|wrists|arms)\b",
        r"\b(?:long sleeves|hoodie|hoodies|bracelets|wristbands) (?:in|during) (?:summer|the heat|"
        r"july|june|august|pe)\b.{0,40}\b(?:so (?:nobody|no one|they|mum|mom|she|he)|hide|notice|"
        r"see)\b",
        # the blade of a pencil sharpener or a razor, taken out
        r"\b(?:get|getting|take|taking|remove|removing|pop|popping|break|breaking|unscrew|"
        r"unscrewing) (?:the |a )?(?:blade|blades|razor) (?:out )?(?:of|from|off) (?:a|the|my|"
        r"this) "
        r"(?:pencil )?(?:sharpener|razor|shaver)\b",
    ),
    _rule(
        "method_ideation", "ideation", 3, False,
        # rumination over a means: "staring at the train tracks and thinking about it"
        r"\b(?:stare|stares|staring|stared|look|looking|looked|gaze|gazing) (?:down )?(?:at|into) "
        r"(?:the )?(?:train tracks|tracks|rails|railway|river|water below|drop|edge|traffic|"
        r"motorway|"
        r"pills|blade|razor|knife|rope|bottle of pills)\b.{0,60}\b(?:thinking about (?:it|doing it|"
        r"jumping|stepping|how)|wondering (?:if|what|how)|how easy|how quick|tempted|just one "
        r"step)\b",
    ),
    # ---- fourth pass (blind batches 16-18): English shapes the rules lacked, and the commonest
    # crisis phrasings of French, German, Spanish, Portuguese and transliterated Russian
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\b(?:put|putting|shoot|shooting|eat|eating) a bullet (?:in|into|through) (?:my|me)\b",
        rf"\btop {SELF}\b",
        r"\b(?:acabo|acabar|acabando|vou acabar|voy a acabar) con?m? (?:tudo|todo|a minha vida|mi "
        r"vida)\b",
        r"\b(?:je vais|jvais|je veux) (?:en finir|me foutre en lair)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\b(?:eu )?(?:acabo|vou acabar) com tudo\b|\b(?:voy a )?acabar con todo\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bwhy (?:did|do|would) (?:they|the doctors?|the paramedics|the nurses|you|he|she|someone|"
        r"anyone) (?:bring|save|wake|revive|resuscitate) me\b",
        r"\bwish (?:something|someone|a car|a bus|a truck|an accident)(?: else)? (?:would|could)"
        r"(?: just)?(?: (?:kill me|happen to me|hit me|take me|do it|end it))?\s*(?:[.!]|$)",
        r"\bich (?:wunschte|wunsche mir|wunsch),? (?:\w+ ){0,2}(?:ich ware|ware ich) (?:\w+ "
        r")?tot\b|"
        r"\bich ware (?:lieber )?tot\b|\bwill nicht mehr (?:leben|aufwachen|da sein)\b",
        r"\b(?:je voudrais|je veux|jaimerais|envie de) (?:juste |simplement )?(?:disparaitre|ne "
        r"plus "
        r"exister|ne plus me reveiller|mourir)\b",
        r"\b(?:no quiero|ya no quiero|you no quiero) (?:vivir|seguir viviendo|despertar)\b|"
        r"\bquiero (?:desaparecer|morirme)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bnot (?:going to|gonna) be around\b(?! (?:this|next|on|for (?:the|a|dinner|lunch)|at|"
        r"tomorrow|tonight|today|till|until|much (?:this|next)|when (?:you|they) (?:arrive|get)))",
        r"\bsav(?:e|ing) me a (?:seat|spot|place)\b.{0,30}\b(?:wont need|will not need|wont be "
        r"(?:there|here|around))\b",
        r"\b(?:my|this is my|this will be my|its my) last (?:christmas|birthday|summer|new year|"
        r"winter|thanksgiving|eid|diwali)\b(?!.{0,30}\b(?:in|at|as|before|working|living|single|"
        r"off|"
        r"abroad|here|there|with (?:the|my|this|our|them|him|her|work|friends|family))\b)",
        r"\bje ne (?:serai|vais) plus (?:la|etre la)\b",
        r"\bnao vou estar (?:mais )?aqui\b|\bya no (?:voy a )?estar(?:e)? aqui\b",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:which|what|whats|what are the) (?:\w+ ){0,2}(?:methods?|ways?) (?:\w+ ){0,3}(?:most|"
        r"least|more|less) (?:lethal|deadly|painless)\b",
        r"\bhow long (?:does it|would it|until|before|till) (?:\w+ ){0,5}(?:get found|be found|"
        r"finds? "
        r"(?:you|me|the body|a body))\b",
        r"\b(?:do|does|can|would|will) (?:the )?train drivers? (?:see|stop|brake|notice|swerve)\b",
        r"\b(?:wie ?viele|wieviel) (?:\w+ ){0,3}(?:tabletten|pillen|schlaftabletten)\b.{0,30}"
        r"\b(?:todlich|sterben|tot|umbringen)\b",
        r"\bquant[oa]s (?:\w+ ){0,3}(?:comprimidos|remedios|pilulas|capsulas)\b.{0,30}\b(?:matam|"
        r"mata|"
        r"matar|morrer|letal|overdose)\b",
        r"\bcuant[oa]s (?:\w+ ){0,3}(?:pastillas|pildoras|tabletas|capsulas)\b.{0,30}\b(?:matan|"
        r"mata|"
        r"matar|morir|letal|sobredosis)\b",
        r"\bcombien (?:de )?(?:\w+ ){0,2}(?:cachets|comprimes|pilules|"
        r"medicaments)\b.{0,30}\b(?:mourir|"
        r"tuer|mortel|mortelle|overdose)\b",
        r"\b(?:skolko|skoko) (?:nado|nuzhno)\b.{0,40}\b(?:ne prosnutsya|umeret|sdokhnut|chtoby "
        r"umeret)\b|\bchtoby ne prosnutsya\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        # giving things away in coded talk: "ctb tonight who wants my skins"
        r"\b(?:ctb|kms|catch(?:ing)? the bus|unalive|bye|goodbye|tonight)\b.{0,30}\bwho wants my "
        r"(?:skins|stuff|things|account|items|inventory|games|collection|clothes)\b",
        r"\b(?:less|nothing|not much) (?:left )?for (?:people|them|my (?:family|parents|mum|mom|"
        r"wife|"
        r"husband|kids)) to (?:sort|clean|deal with|go) (?:through|up|with)? ?(?:after|when im "
        r"gone)\b",
        r"\bif (?:anyone|someone|somebody) (?:finds|reads) this\b.{0,40}\b(?:look after|take care "
        r"of|feed|give)\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\bsui (?:thoughts|ideation|urges|feelings)\b|\bsuicidarmi\b|\buccidermi\b|\bammazzarmi\b",
        r"\b(?:respawn|reset|restart) (?:irl|in real life)\b|\b(?:exit|leave|quit|log ?out of) the "
        r"simulation (?:for good|permanently|forever)\b|\b(?:go|going) (?:6|six) feet under on "
        r"purpose\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bno (?:le )?veo (?:salida|ninguna salida|sentido a nada)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:free|rid) of me (?:soon|forever|for good|shortly)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\bje (?:le|vais le) (?:fais|faire) ce soir\b",
    ),
    # fourth pass, second look (blind batches 22-24)
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\bs ?word (?:thoughts|urges)\b|\bactive si\b|\brope emoji\b",
        r"\b(?:stop|talk) me (?:from|out of) (?:ending it|ending my life|killing my ?self|doing "
        r"it)\b",
        r"\bplanning (?:to|on) (?:die|dying|end it|ending it|kill my ?self|killing my ?self)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bpassive si\b",
        r"\b(?:want|wish|need) (?:\w+ ){0,8}is to (?:be dead|die|not exist|not wake up)\b",
        r"\bdont care if i (?:die|do|dont wake up|live or die|wake up)\b",
        r"\b(?:want|wish|need) (?:\w+ ){0,2}to be unconscious\b",
        r"\bhoping (?:the|my) (?:scan|test|tests|results?|biopsy) (?:shows?|comes? back|finds?) "
        r"(?:\w+ )?(?:bad|positive|cancer|something)\b",
        r"\bit(?:d| would) be an? (?:exit|escape|way out)\b",
        r"\bpart of me (?:doesnt|does not|wouldnt|would not) (?:care|mind) if\b",
        r"\b(?:dont|do not) (?:really )?(?:see|know|get) why im still here\b",
        r"\b(?:losing|lose) on purpose\b.{0,40}\blife\b|\blife\b.{0,40}\b(?:losing|lose) on "
        r"purpose\b",
        r"\bkung mawala ako\b|\bestar(?:ia|ian) mejor sin mi\b|\bno hubiera nacido\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:dont think|doubt|dont know if) (?:ill|i will|im going to|im gonna) (?:still )?be "
        r"(?:around|here|alive)\b(?! (?:for (?:dinner|lunch|breakfast|tea|the (?:weekend|meeting|"
        r"party|"
        r"call|match|game)|a (?:while|bit|few))|this weekend|tonight|tomorrow|today|later|at "
        r"(?:the|"
        r"work|home)))",
        r"\bi (?:wont|will not) be (?:here|her|around) (?:tomorrow|tmrw|tonight|much longer|by)\b"
        r"(?!.{0,30}\b(?:im (?:at|going|visiting|away|staying)|at my|on (?:holiday|vacation|a "
        r"trip)|"
        r"work|shift|back (?:on|at|in|next))\b)",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:used|grabbed|took out|got out) (?:the|my) (?:blade|blades|razor|razors)\b(?! to "
        r"(?:shave|trim|cut (?:the|a|my hair)|open))",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:fast|express|non ?stop) (?:one|train|trains)\b.{0,60}\b(?:doesnt|dont|does not|"
        r"wont) "
        r"(?:stop|slow)\b|\b(?:doesnt|dont|does not|wont) (?:stop|slow)\b.{0,60}\b(?:fast|express) "
        r"(?:one|train|trains)\b",
    ),
    _rule(
        "dose_question", "means", 0, False,
        r"\bwhich (?:pills|tablets|meds|medication|medicines?) (?:are|is) (?:the )?(?:strongest|"
        r"most "
        r"(?:dangerous|powerful|toxic))\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:leak|post|share|send|spread) my (?:pics|photos|nudes|pictures|videos|vids)\b.{0,40}"
        r"\bif i (?:dont|do not|wont|refuse)\b",
    ),
    _rule(
        "act_under_way", "act", 4, False,
        r"\b(?:nakainom|uminom) (?:na )?ako ng (?:maraming|madaming|lahat ng|isang banig na) "
        r"(?:gamot|"
        r"tableta|pills)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:she|he|they) gave me (?:her|his|their) (?:\w+ ){0,3}(?:and|,) (?:said|told me) to "
        r"keep "
        r"(?:it|them) forever\b",
    ),
    _rule(
        "height_question", "means", 1, False,
        r"\b(?:how high|how tall|how deep|height of|depth of)\b.{0,30}\b(?:footbridge|foot bridge|"
        r"quarry|viaduct|multi storey|motorway bridge|reservoir|dam|gorge|tower)\b",
    ),
    # fourth pass, sixth look (blind batches 34-36)
    _rule(
        "finality", "finality", 3, False,
        r"\btell my \w+ (?:the |that the )?passwords? (?:to|for) my\b",
        r"\bplan(?:ning|ned)? (?:my|your) own funeral\b|\bpicked (?:the )?songs for my funeral\b",
        r"\bdont see myself (?:at|making it to|alive at|here at|around at) (?:christmas|new year|"
        r"my "
        r"birthday|graduation|\d+)\b(?!.{0,20}\bin (?:london|town|the city|\w+ because of))",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\bgave (?:away )?my (?:\w+ ){1,6}to \w+\b.{0,40}\b(?:doesnt|dont|didnt) know why\b",
        r"\b\d+ (?:of )?(?:my )?(?:\w+ ){0,2}(?:pills|tablets|sleeping pills|meds)\b.{0,30}\bis "
        r"(?:that|this|it) enough\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\bgame (?:end|over) irl\b|\bsaving (?:the|my) game for the last time\b|\bfinal "
        r"checkpoint\b"
        r"(?! (?:of|in|on|at) (?:the|this) (?:race|game|level|map))",
        r"\bend the game\b.{0,20}\bnot (?:a|the) (?:video )?game\b",
        r"\bsubscription to (?:being alive|life|living)\b|\bpermanent vacation\b",
        r"\b(?:researching|researched|looking into|read about|reading about) (?:sn|sodium "
        r"nitrite)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:go|going) (?:to )?see (?:my )?\w+\W+(?:she|he|they) (?:died|passed)\b",
        r"\bask (?:god|allah|jesus|the lord) to take me\b",
        r"\bwouldnt mind if it (?:did|killed|finished)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\b(?:im|i am) not safe (?:to be )?(?:alone|by myself|with myself)\b",
    ),
    _rule(
        "method_ideation", "ideation", 3, False,
        r"\bthought about how i (?:would|could|might) (?:do it|die|end it|kill my ?self)\b|"
        r"\bthought "
        r"about how i (?:would|could|might)\s*(?:[.!]|$)",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\bwant (?:new|more|fresh) scars\b",
        r"\bclean a (?:deep )?cut\b.{0,40}\bwithout (?:going to|telling)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:uncle|dad|stepdad|step dad|coach|teacher|cousin|brother|grandpa|neighbou?r|"
        r"babysitter|"
        r"priest) did (?:things|stuff|something) to me\b",
        r"\bhiding (?:in|under) (?:the|my) \w+ (?:because|cause|from)\b.{0,40}\b(?:screaming|"
        r"breaking|"
        r"hitting|drunk|angry|yelling)\b",
        r"\b(?:coach|teacher|tutor|uncle|pastor|priest)\b.{0,40}\balone\b.{0,30}\bfeels wrong\b",
    ),
    # fourth pass, fifth look (blind batches 31-33)
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:wont|will not) have to (?:listen to|deal with|put up with|worry about|hear from|"
        r"see) "
        r"me (?:\w+ ){0,2}(?:much longer|for long|anymore|soon)\b(?!.{0,40}\b(?:moving|move|"
        r"leaving "
        r"for|trip|holiday|vacation|flight|new job|transfer)\b)",
        r"\b(?:wont|will not) need (?:them|it|this|my \w+) (?:in a (?:year|month|week|few)|much "
        r"longer|after (?:this|that|next))\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\bgame over for me (?:soon|tonight|irl|for real)\b",
        r"\bwhere (?:is|are|can i (?:get|buy)|to (?:get|buy)|do i (?:get|buy)) (?:sn|sodium "
        r"nitrite|"
        r"nitrite)\b|\b(?:sn|sodium nitrite) (?:is |are )?(?:sold|for sale)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:living|life|existence|being alive) is a subscription\b|\b(?:cancel|unsubscribe "
        r"from) "
        r"(?:my )?(?:life|living|existence)\b",
        r"\b(?:being|im|i am|feel like) (?:a |such a |just a )?(?:weight|dead weight|drain) (?:on|"
        r"to|"
        r"for) (?:my|the|our|everyone)\b|\bweight "
        r"around (?:my|his|her|their) \w+ neck\b",
        r"\b(?:world|everyone|nobody|they|family) (?:has|have) no (?:use|need) for me\b",
        r"\bjust taking up (?:a bed|space|room|air|oxygen)\b",
        r"\blife insurance\b.{0,30}\bworth more than (?:i am|me)\b",
        r"\b(?:wanna|want to) be a ghost\b(?! for halloween| costume)",
        r"\b(?:cant|cannot|dont) see (?:any|the|much) point (?:to it|in it|anymore|in living)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\bis (?:that|this|it) enough\b.{0,30}\bif i take\b|\b(?:saved up|stockpiled|saving up)\b"
        r".{0,40}\b(?:pills|tablets|meds|diazepam|\w+pam|oxy\w*|insulin|paracetamol|sleeping)\b"
        r".{0,60}\benough\b",
        r"\bcharcoal\b.{0,60}\b(?:taped|seal\w*|windows|small (?:room|bath\w*)|car)\b|\b(?:taped|"
        r"sealed) (?:up )?the (?:windows|doors?|vents?)\b",
    ),
    _rule(
        "means", "means", 3, True,
        r"\bantifreeze\b.{0,40}\b(?:take|work|kill|person|human|someone)\b",
        r"\bhow long does (?:\w+ ){1,2}take to (?:work|kill) on a (?:person|human|someone)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:stopped|quit) eating\b.{0,40}\b(?:as|for) (?:a )?punishment\b",
        r"\b(?:razor )?blades\b.{0,50}\bjust in case\b",
        r"\bcut\b.{0,80}\b(?:its|it is|was) from me\b",
        r"\bsh streak (?:broken|ended|reset|gone)\b|\bday 0 again\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\b(?:afraid|scared|worried|terrified) (?:ill|i will|i might|i could) (?:shake|hurt|hit|"
        r"smother|drop) (?:him|her|the baby|my baby|them)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\bwhat (?:my|her|his|the) (?:\w+ )?(?:coach|uncle|dad|father|stepdad|step dad|brother|"
        r"cousin|teacher|priest|babysitter|neighbou?r|grandpa|mum|mom|mother) did (?:to me )?when "
        r"i "
        r"was (?:\d+|little|small|a kid|young)\b(?=.{0,60}\b(?:still|nightmares|mess\w*|haunts|"
        r"ruin\w*|"
        r"cant|hurts|flashbacks|trauma|freeze)\b)",
        r"\bnightmares about (?:what )?(?:my|the) (?:\w+ )?(?:coach|uncle|dad|stepdad|step dad|"
        r"abuser|"
        r"ex)\b",
        r"\b(?:dad|father|mum|mom|mother|stepdad|step dad) (?:beat|hit|hurt) (?:us|me) when (?:we|"
        r"i) "
        r"(?:were|was) (?:small|little|kids?|young|\d+)\b",
    ),
    # fourth pass, fourth look (blind batches 28-30)
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\bsuicide (?:feels|seems|looks|is) like (?:the|my) (?:only|best|last) (?:exit|option|way "
        r"out|"
        r"answer|choice|escape)\b",
        r"\bbecom(?:e|ing) a (?:ghost|statistic)\b(?! (?:story|costume|hunter|town|for halloween))",
        r"\bkys\b.{0,40}\b(?:for me|appealing|tempting)\b",
        r"\b(?:ending|end|finish|quit) my (?:playthrough|run|save|game|story) irl\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bwant to (?:go )?(?:see|be with|join) (?:my )?\w+(?: \w+){0,2}\W+(?:she|he|they) "
        r"(?:died|passed|is dead)\b",
        r"\b(?:see|join|be with) (?:my )?\w+ in heaven\b",
        r"\b(?:living|life) dlc\b",
        r"\bnothing(?:s| is)? (?:gonna|going to|will ever|will) get better\b.{0,30}\bwhy (?:keep|"
        r"bother)\b",
        r"\b(?:dying|death|being dead) (?:sounds|seems|feels|looks) like (?:a )?(?:vacation|"
        r"holiday|"
        r"relief|rest|break|the answer|peace)\b",
        r"\bwant to (?:get hit by a (?:car|bus|truck|train|lorry)|be in a coma)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bsoon (?:nobody|no one|noone|you|they|everyone) (?:will|wont) (?:have to )?(?:deal with|"
        r"put "
        r"up with|worry about|hear from)\b",
        r"\btake care of (?:the server|everyone|my cat|my dog|them|the guild|the clan|my plants) "
        r"for "
        r"me\b",
    ),
    _rule(
        "act_under_way", "act", 4, False,
        r"\b(?:took|taken|tok) (?:to|too) many (?:tablets?|pills?|meds)\b",
        r"\btook the rest of (?:the|my) (?:bottle|pills|tablets|meds|pack|packet)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\bsaving (?:up )?my \w+\W+how many (?:do i|would i|will i) need\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\bforearms? (?:look|looks) like (?:a )?barcode\b",
        r"\bscratch(?:ing)? (?:\w+ ){0,3}until (?:the skin|it bleeds|i bleed|blood|theres blood)\b",
        r"\bcut\b.{0,80}\b(?:i did it (?:my ?self|on purpose)|did it to my ?self)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:he|she) (?:smashed|broke|took) my phone\b.{0,30}\b(?:couldnt|cant|can not|cannot) "
        r"call\b",
        r"\b(?:doesnt|dont|wont) (?:feed me|let me eat|give me food)\b",
        r"\b(?:he|she|they) (?:says?|said|told me) (?:i|we) (?:cant|can not|shouldnt|mustnt) tell "
        r"(?:anyone|anybody|my (?:mum|mom|parents|dad))\b(?!.{0,20}\b(?:surprise|party|gift|"
        r"present|"
        r"birthday|secret santa|spoiler)\b)",
        r"\bkneel on rice\b",
        r"\b(?:papa|baba|abba|appa|tatay|pai|padre|mama|mami|ammi|nanay) (?:hit|hits|beat|beats|"
        r"slapped|slaps) me\b",
        r"\b(?:was|been|got) (?:sexually )?(?:abused|assaulted|raped|molested)\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\bunalive (?:my|the) (?:sibling|brother|sister)\b",
    ),
    # fourth pass, third look (blind batches 25-27)
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\bnot (?:going to|gonna) (?:kill my ?self|end it|end my life) (?:because|cause|cos|"
        r"for)\b|"
        r"\bnot (?:going to|gonna) do it (?:because|cause|cos) (?:of )?(?:my|the) \w+\W+(?:thats|"
        r"its) "
        r"the only reason\b",
        r"\bsi (?:is|has been|was|s) (?:really |so |very )?(?:bad|loud|strong|heavy)\b|\bactive "
        r"not "
        r"passive\b|\bsui ?side\b|\bspeedrun (?:the afterlife|death|dying)\b|\bgame over (?:for me "
        r")?"
        r"irl\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\b(?:im|i am) checking out\s*(?:[.!]|$|for good|permanently|early)",
        r"\bclock(?:ing)? out (?:for good|permanently|forever|of life)\b",
        r"\bone way (?:drive|walk|trip) (?:to|into) the (?:coast|cliffs?|sea|woods|bridge|lake|"
        r"river|"
        r"mountains|forest)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\b(?:me and|a talk with|a date with) (?:the |my )?(?:ol |old )?(?:12 gauge|shotgun|gun|"
        r"pistol|rifle|revolver|glock)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bbig farm upstairs\b",
        r"\bwant to (?:go )?(?:see|be with|join) (?:my )?\w+\W+(?:she|he|they) (?:died|passed|is "
        r"dead)\b",
        r"\b(?:dont|do not|cant|cannot) see (?:much |any |the )?point in (?:getting up|waking up|"
        r"going "
        r"on|living|carrying on|anything)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bdont (?:go )?look(?:ing)? (?:for me|too hard)\b",
        r"\bwont need (?:\w+ ){0,3}where im going\b",
    ),
    _rule(
        "means", "means", 3, True,
        r"\bhose\b.{0,30}\bexhaust\b|\bexhaust\b.{0,30}\bhose\b",
    ),
    _rule(
        "means_possession", "means", 0, False,
        r"\b(?:already )?(?:got|have|bought) (?:what|everything) i need\b",
        r"\bbought (?:new |more |some )?(?:blades|razors|razor blades)\b(?!.{0,20}\b(?:for (?:my|"
        r"the) "
        r"(?:razor|shaver|cutter|planer)|shaving)\b)",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\bpull(?:ed|ing)? (?:my )?hair out\b.{0,40}\b(?:again|bleeding|clumps|on purpose|bald)\b|"
        r"\bpull(?:ed|ing)? out (?:so much |clumps )?(?:of )?my hair\b",
        r"\b(?:hide|clean|cover)\b.{0,30}\bcuts?\b.{0,40}\b(?:parents|mum|mom|dad|anyone|nobody|no "
        r"one)"
        r" (?:dont |doesnt |wont |cant )?(?:notice|see|find out)\b",
        r"\bbroke (?:my|a|the) (?:pencil )?sharpener\b",
        r"\b(?:arms?|wrists?|thighs?|legs?) (?:look|looks) like (?:a )?barcode\b",
        r"\bswitched to (?:burning|hitting|scratching|punching)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:coach|teacher|tutor|uncle|stepdad|step dad|boss|pastor|priest|older guy|man|guy) "
        r"(?:keeps |makes |made |asks |wants )me (?:to )?send (?:him|her|them) (?:pictures|pics|"
        r"photos|"
        r"nudes)\b",
        r"\b(?:he|she|they|boss|employer|agent|husband|wife|family|sponsor|madam|sir|landlord) "
        r"(?:keeps|took|has|holds|has taken|is holding|wont give back) (?:our|my) passports?\b",
        r"\b(?:kicked|threw|thrown) me out\b.{0,60}\b(?:nowhere|no where|no place) to (?:sleep|go|"
        r"stay)\b",
    ),
    _rule(
        "means_possession", "means", 0, False,
        r"\bjai (?:le|un|mon) (?:couteau|corde|cachets|medicaments)\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\b(?:ya|you) (?:ego|ee|ikh|tebya|yego) (?:ubyu|zarezhu|pristrelyu|ubiu)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"^(?=.*\b(?:worr\w*|should i|is (?:that|this|it) (?:a (?:sign|red flag)|normal)|scared|"
        r"concerned|red flag)\b).*\b(?:he|she|they|hes|shes|my (?:\d+ ?yo|son|daughter|kid|teen|"
        r"brother|sister|friend|bf|gf|boyfriend|girlfriend|partner|husband|wife|dad|mum|mom))\b"
        r".{0,30}\b(?:giving|gave|given) away (?:his|her|their|all)\b(?!.{0,30}\b(?:to charity|"
        r"moving|move|declutter\w*)\b)",
    ),
    _rule(
        "means_possession", "means", 0, False,
        r"\b(?:ja )?compre?i (?:o |um |el |un )?(?:veneno|las pastillas|os comprimidos|a corda|la "
        r"cuerda)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\bcarv(?:ed|ing|e) (?:\w+ ){0,3}(?:in|into) my (?:legs?|arms?|thighs?|skin|wrists?|"
        r"stomach|hips?)\b",
        r"\bmy (?:thighs|arms|wrists|legs|hips) (?:are|r) (?:a mess|cut up|shredded|covered)\b"
        r"(?! (?:from|after|in) )",
        r"\bon purpose so (?:it|that it) hurts\b",
        r"\b(?:skipping|skip|starving|starve|not eating|wont eat|dont eat)\b.{0,40}\b(?:as|for) "
        r"(?:a )?punishment\b",
        r"\bme (?:corte|cortei|lastime|machuquei) (?:otra vez|de nuevo|de novo|outra vez|los "
        r"brazos|"
        r"las munecas|os bracos|os pulsos|las piernas|as pernas|a proposito|de proposito)\b",
        r"\b(?:hab|habe|ich hab|ich habe) mich (?:\w+ ){0,3}geritzt\b|\bich ritze mich\b",
        r"\bje me suis (?:encore |de nouveau )?(?:scarifi\w+|mutil\w+)\b|\bje me scarifie\b|"
        r"\bje me suis (?:encore )?coupee? (?:les (?:bras|poignets|cuisses)|expres|"
        r"volontairement)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:ma|m a|me) (?:encore |de nouveau |a nouveau )?(?:frappee?|battue?|etranglee?)\b",
        r"\bme (?:pego|golpeo|volvio a pegar|bateu|bateu de novo|agrediu)\b",
        r"\b(?:hat|schlagt|schlaegt) mich (?:wieder |schon wieder |heute )?(?:geschlagen|"
        r"verprugelt)?\b"
        r"(?=.{0,30}\b(?:angst|wieder|heute|gestern|blut|blauen)\b)",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:mon ami|mon amie|ma soeur|mon frere|ma copine|mon copain|ma fille|mon fils) (?:a )?"
        r"(?:parle|parlait) de (?:suicide|se suicider|mourir|se tuer)\b",
        r"\b(?:mi|mein|meine) (?:hermano|hermana|amigo|amiga|hijo|hija|novio|novia|freund|freundin|"
        r"bruder|schwester) (?:me dijo que |dice que |sagt |hat gesagt )?(?:(?:ya|you) no quiere "
        r"vivir|"
        r"se quiere matar|quiere morir|will sterben|will nicht mehr leben|will sich umbringen)\b",
    ),
    # ---- fifth pass (blind batches 40-43): shapes the fourth pass lacked -----------------------
    _rule(
        "coded_slang", "coded", 3, False,
        rf"\bminecraft(?:ing|ed)? {SELF}\b",
        r"\b(?:final |last )?rage ?quit(?:ting)? (?:of |from )?(?:life|existence|this world|irl|"
        r"reality)\b",
        r"\bsudoku\b.{0,40}\bnot the (?:puzzle|game|number)\b",
        r"\bgrippy sock (?:vacation|holiday|jail|hotel|era|trip)\b",
        r"\b(?:gun|rope|noose|knife|pills|bridge|blade) (?:emoji )?(?:is|are|keeps|keep) "
        r"(?:calling|singing to|whispering to) (?:me|my name)\b",
        r"\bbridge ?(?:⬇|↓|👇)",
        r"\bfeel(?:ing)? (?:very |so |real |really |kinda |a bit |extra |quite )?rope(?! (?:swing|"
        r"bridge|course|burn|access))\b",
        r"\b(?:do|doing|did|pull|pulling|pulled|going to do|gonna do) an? (?:hemingway|cobain|kurt "
        r"cobain|robin williams|virginia woolf|sylvia plath|plath|bourdain|chester bennington|"
        r"avicii)\b",
        r"\b(?:have|having|go and have|go have|going to have|gonna have) a (?:chat|word|talk|date|"
        r"meeting|appointment) with (?:the|a) (?:\d+ ?[:.]? ?\d* )?(?:train|trains|bus|lorry|truck|"
        r"tracks|bridge|rope|river|sea|motorway|freeway)\b",
        r"\bexit stage left\b(?!.{0,30}\b(?:from (?:the|this) (?:party|meeting|stage|show)|"
        r"pursued)\b)",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:time|ready) (?:i went |for me )?(?:to )?(?:go and |went and |go |and )?join(?:ed)? "
        r"(?:him|her|them|dad|mum|mom|my (?:dad|mum|mom|wife|husband|son|daughter|brother|sister|"
        r"mate|friend))\b(?! (?:at|in|for|on|tomorrow|later|tonight|next|this))",
        r"\b(?:wouldnt|would not) (?:be )?(?:so |that |too |all that |the )?(?:bad|awful|terrible|"
        r"worst thing|worst)\b.{0,10}"
        r"\bif (?:a|the|some) (?:lorry|truck|bus|car|train|drunk driver|tree)\b",
        r"\b(?:a )?(?:weight|millstone|albatross|burden) (?:round|around|on|hanging round) "
        r"(?:everyones|everybodys|their|his|her|my \w+s|our \w+s) necks?\b",
        r"\bpart of me (?:wants|wishes|would like) to (?:be dead|die|not exist|not be here|"
        r"disappear "
        r"for good|stop existing|not wake up)\b",
        r"\bno point (?:in )?(?:pressing|hitting|clicking) (?:continue|play|retry|respawn)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bwhen (?:im|i am) (?:not around|gone|no longer here|not here)(?: anymore| any more)?\b"
        r".{0,40}\b(?:make sure|look after|feed|take care|take|have|gets?)\b",
        r"\bbye (?:every ?(?:one|1|i|body)|all|guys|yall|y all)\b.{0,20}\bthanks? (?:for|4) "
        r"(?:trying|everything|all of it|being there)\b",
        r"\b(?:giving|gave|given|give) (?:away )?(?:all )?my (?:\w+ ){1,2}(?:away )?to (?:the )?"
        r"\w+\b.{0,50}\b(?:more use (?:out )?of (?:them|it)|need (?:them|it) more|wont need "
        r"(?:them|"
        r"it)|wont be needing|not going to need)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:have|got|ive got|keep) (?:everything|it all|the stuff|all the stuff|the things) "
        r"(?:ready|set up|sorted|prepared|planned|in place)\b.{0,20}\b(?:in case|for when|if it "
        r"gets)\b",
        r"\bnot suicidal\b.{0,40}\bi (?:have|ve got|got) (?:a plan|everything ready|it all "
        r"(?:planned|ready))\b|\b(?:i have|ive got|i ve got|i got|ive) a plan\b.{0,30}\bnot "
        r"suicidal\b",
        r"\b(?:cancel(?:led|ed)|cancelling|canceling) (?:all )?my (?:subscriptions|phone contract|"
        r"gym)\b.{0,80}\b(?:dropped|dropping|left|leaving|gave|giving) (?:off )?(?:the|my) (?:cat|"
        r"dog|pets?|kids)\b",
    ),
    _rule(
        "at_edge", "means", 3, False,
        r"\bnot (?:going to|gonna|about to) jump\b.{0,40}\b(?:sitting|standing|sat|stood|just|only)"
        r"\b.{0,25}\b(?:on|at) (?:the |a |this |my )?(?:bridge|roof|roof edge|edge|ledge|railing|"
        r"cliff|tracks|platform|balcony|top of)\b",
        r"\bnot suicidal\b.{0,30}\bi just (?:have|got)\b.{0,50}\b(?:tall|high) (?:apartment|"
        r"building|bridge|balcony|block)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:sending|send|sent|making|forcing|force|forced|take|taking) me (?:to )?(?:a )?"
        r"conversion (?:camp|therapy)\b",
        r"\b(?:got|get|getting|been|was) (?:jumped|beaten up|beat up|attacked|assaulted|bashed)\b"
        r".{0,30}\bfor being (?:gay|trans|queer|bi|lesbian|black|muslim|jewish|different)\b",
        rf"\b(?:{PERSON})\b.{{0,20}}\bcontrols? (?:all )?(?:the |my |our )?(?:money|finances|phone|"
        r"who i see)\b",
        rf"\b(?:flashbacks?|nightmares?) (?:of|about|from) (?:what|when) (?:my )?(?:{PERSON}) "
        r"(?:did|used to do|would do)\b",
        r"\bstill flinch\b.{0,60}\b(?:because|bc|cause|cos) of (?:how|what) my\b",
    ),
    _rule(
        "danger_to_others", "danger", 3, False,
        r"\b(?:scared|afraid|terrified|worried) (?:that )?i(?:ll| will| might| could| am going to|"
        r"m "
        r"going to)? (?:hurt|harm|hit|shake|snap at and hurt) (?:her|him|them|my (?:baby|son|"
        r"daughter|kid|kids|toddler|newborn))\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        rf"\b(?:took|take|taking|held|hold|holding|put|putting|pressed) (?:a |my |the )?(?:lighter|"
        rf"flame|candle|hot iron|iron|lit cigarette|cigarette|hot knife) (?:to|against|on|into) my "
        rf"{BODY}\b",
        r"\bcut\b.{0,40}\b(?:its |it s |it was |was )?not (?:an |a )?accident\b",
        r"\b(?:hoodies?|long sleeves|sweaters?|jumpers?)\b.{0,15}\bin (?:june|july|august|summer|"
        r"the "
        r"heat|this heat)\b.{0,30}\b(?:for a reason|you know why|yk why|again)\b",
        r"\bcut (?:that )?i (?:did|made|gave) (?:to |on )?myself\b",
        r"\b(?:cut|cutting|self harm|sh|burn)\w*\b.{0,80}\b(?:urges?|temptation) (?:is |are |has |"
        r"have )?(?:back|come back|returned|coming back)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        rf"\btook (?:an )?(?:extra|a few extra|a couple extra|more) {BIG_AMOUNT} (?:of )?my "
        rf"{DRUG}\b"
        r"(?!.{0,30}\b(?:doctor|gp|pharmacist|prescri\w*|told me|said to)\b)",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:stop|stops|stopped) (?:someone|a person|you|me|your|my|their|his|her) (?:from )?"
        r"breathing\b",
        r"\bhelium\b.{0,30}\b(?:method|bag|hood|exit|painless|still work)\b",
        rf"\bis \d+ (?:of )?(?:my |these |the )?{DRUG}\b.{{0,5}}\b(?:enough|too many|lethal|"
        rf"fatal)\b",
        r"\b(?:reading|read|looking|looked|researching|researched) (?:about|into|up) (?:dignitas|"
        r"exit international|pegasos|sarco)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:helpline|hotline|crisis line)\b.{0,30}\bfor (?:my|a) (?:friend|neighbou?r|son|"
        r"daughter|"
        r"brother|sister|mum|mom|dad|partner|colleague|coworker|mate|cousin)\b",
    ),
    # fifth pass, second look (blind batches 44-47)
    _rule(
        "height_question", "means", 1, False,
        r"\b(?:how|ow|hw) (?:high|tall|deep|hihg|hight|tal) (?:is|are|s) (?:the |a |that |this )?"
        r"(?:\w+ ){0,4}(?:silo|golden gate|water|drop|fall|breakwater|pier|jetty|quarry|gorge|"
        r"lookout|car park|tower|cliffs?|bridge|building|dam|river|lake|harbou?r)\b",
        r"\bwhich (?:bridges?|buildings?|cliffs?|car parks?|towers?|multi storey)\b.{0,40}\b"
        r"(?:highest|tallest|deepest|biggest drop)\b",
        r"\bwhich trains? (?:dont|do not|doesnt|does not|never) stop\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\bcheck(?:ing)? out early\b(?!.{0,25}\b(?:hotel|from|of the|library|book|room|airbnb|"
        r"tomorrow|flight))",
        r"\bcheck(?:ing)? out of (?:hotel earth|life|this life|this world|existence|earth|(?:this |"
        r"the )?"
        r"hotel called life)\b",
        r"\b(?:trip|going|go|head|heading|off|move|moving) (?:up )?to the (?:big|great) \w+ in the "
        r"sky\b",
        r"\bforget (?:about )?(?:to take )?the (?:bend|corner|turn|curve)\b",
        r"\bone ?way (?:trip|ticket|swim|drive|walk) (?:off|into|under|out to|to the bottom)\b",
        r"\b(?:long walk|walk) off a short (?:pier|jetty|plank)\b",
        r"\bs ?word (?:ideation|thoughts|attempt|plans?|urges)\b",
        r"\bno contact with (?:the world|everyone|life|existence|everybody)\b",
        r"\b(?:commit|committing|do|doing|did) (?:self )?sudoku\b",
        r"\b(?:is|can|where|still) (?:\w+ ){0,3}sn\b.{0,30}\b(?:get|buy|order|available|legal)\b|"
        r"\b(?:get|buy|order) (?:some )?sn\b",
        r"\b(?:pengen|mau|ingin) (?:bundir|bunuh diri)\b|\bbunuh diri\b|\bbundir\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\bcant see myself (?:existing|alive|being alive|being here|still here|around) (?:in|by|"
        r"at) "
        r"(?:\w+ )?(?:years?|months?|\d+)\b",
        r"\bich will nicht mehr\b|\bi dont want (?:anymore|any more)\s*(?:[.!,]|$)",
        r"\b(?:drink|drinking|drive|driving|walk|walking)\b.{0,40}\bhop(?:e|ing) (?:something "
        r"(?:bad )?happens|i (?:dont|do not) wake up|i crash|i dont make it)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:dont|do not) (?:reckon|think|expect|see) (?:ill|i will|im going to|me) (?:be )?"
        r"(?:around|here|alive|still here) (?:for|by|at|to see) (?:the )?(?:next|another|christmas|"
        r"my)\b",
        r"\b(?:i )?(?:wont|will not) (?:even )?be around (?:to (?:break|see|deal|worry|pay|face)|"
        r"much longer)\b",
        r"\bbetter (?:that )?(?:they|she|he|everyone|people|you) remember me (?:like|as|this way|"
        r"that "
        r"way)\b",
        r"\b(?:body|bodys|illness|cancer|cancers|disease|dying anyway|failing)\b.{0,40}\bhelp "
        r"(?:it|"
        r"things|nature|"
        r"the process) along\b",
        r"\b(?:nobody|nobodys|no one|noone) (?:is |s )?(?:going to|gonna|will) (?:have to "
        r")?(?:deal with|put "
        r"up with|worry about|hear from|see) me (?:after|past|beyond|by)\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\b(?:took (?:his|her|their) (?:own )?life|killed (?:him|her|them)sel(?:f|ves)|suicide)\b"
        r".{0,60}\b(?:planning|plan|planned|thinking about|considering) mine\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:gave|paid) back (?:all )?(?:the )?(?:money|everything) i (?:borrowed|owed)\b.{0,60}"
        r"\b(?:everything is|all in order|in order|sorted|done|finished|tidy|cleaned)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:violent|punched|hit|beat|attacked|kicked)\b.{0,40}\bbroke my (?:nose|jaw|ribs?|"
        r"cheekbone|eye socket|arm|wrist|fingers?)\b",
        r"\bthrew (?:a|an|the|his|her) (?:\w+ ){0,2}at me\b.{0,30}\b(?:missed this time|missed me|"
        r"nearly hit|barely missed|could have killed)\b",
        r"\b(?:held|holding|pinned) me down\b",
        r"\b(?:post|share|send|leak|release|show) (?:my|the|those) (?:\w+ ){0,2}(?:photos|pics|"
        r"pictures|nudes|videos?)\b.{0,40}\bunless\b",
        r"\b(?:outside|waiting outside|parked outside|showed up at|turned up at) my (?:work|house|"
        r"flat|place|school|door|job)\b.{0,40}\b(?:twice|again|every|restraining order|order)\b|"
        r"\brestraining order\b.{0,30}\b(?:means nothing|doesnt matter|not working|ignores|"
        r"broke)\b",
        r"\bgroomed me\b",
        r"\bused to (?:beat|hit|hurt|abuse|batter) (?:us|me)\b",
        r"\b(?:beat|beaten|hurt|raped|tortured) (?:us|me)\b.{0,60}\bstill (?:dream|have nightmares|"
        r"wake up screaming|get flashbacks|see it)\b",
        r"\b(?:smashed|broke|took) my phone\b.{0,40}\b(?:held|locked|blocked|wouldnt let me)\b|"
        r"\b(?:held|locked|blocked) the door (?:shut|closed)?\b.{0,20}\b(?:so i couldnt|wouldnt "
        r"let "
        r"me)\b",
        r"\bhear (?:stuff|things|glass|plates|something|them) (?:breaking|smashing|being thrown)\b",
        rf"\b(?:{PERSON}|grandad|granddad|step ?brother|family friend|mums friend|streamer)\b "
        r"did (?:things|stuff|something) to me\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:purged|purging|threw up|made myself (?:sick|throw up))\b.{0,60}\b(?:chest|heart)\b"
        r".{0,20}\b(?:pain|hurts|weird|tight|racing|fluttering|pounding)\b",
        r"\b(?:burns|cuts|marks|scars)\b.{0,50}\b(?:said (?:it was|they were)|(?:was|were) from) "
        r"(?:the|a|my) \w+\b.{0,20}"
        r"\b(?:it|they) (?:wasnt|werent|was not|were not)\b",
        r"\bhide (?:my )?(?:thighs|arms|wrists|legs)\b.{0,40}\b(?:marks|scars|cuts)\b",
        r"\bclean (?:from|of) (?:cutting|self harm|sh)\b.{0,40}\bbut\b.{0,30}\b(?:bought|got|have|"
        r"found) (?:new |more |some )?(?:blades|razors|a blade|a razor)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        rf"\btook (?:(?:a few|a couple|a couple of|an|some|\w+) )?(?:extra|more) (?:\w+ )?(?:of )?"
        rf"(?:my )?{DRUG}\b(?=.{{0,40}}\b(?:not to die|to feel nothing|to stop feeling|to numb|on "
        r"purpose|to not wake|see what happens|to feel something)\b)",
    ),
    # fifth pass, third look (blind batches 48-51)
    _rule(
        "coded_slang", "coded", 3, False,
        # "the bus / the knife in the drawer / the exit sign is looking good"
        r"\bthe (?:knife|knives|blade|blades|razor|pills|gun|rope|bridge|river|tracks|train|bus|"
        r"exit|exit signs?|exit sign s|way out|easy way out)\b(?: (?:in|on|under|by) (?:the |my "
        r")?\w+)? (?:is |s |are |has been )?"
        r"(?:looking|lookin|looks|seems) (?:real |really |so |kinda |pretty |very |awfully "
        r")?(?:good|"
        r"nice|tempting|inviting|appealing|attractive)\b(?!.{0,30}\b(?:after|since|paint|new|clean|"
        r"repair|wash|refurb|for dinner|for the|for chopping|for cooking|for cutting|for carving))",
        r"\bpermanent (?:quit|logout|log off|exit|sleep|nap)\b",
        r"\b(?:bus|train|ticket|flight|trip|express|ride) to heaven\b",
        r"\bcatch(?:ing)? the bus\b.{0,15}\b(?:peacefully|painlessly|for good|forever|permanently|"
        r"tonight)\b",
        r"\bcheck(?:ing)? out (?:permanently|for good|forever)\b",
        r"\bthe (?:knife|gun|rope|pills|bridge|blade|noose) kind\b",
        r"\bstones in (?:her|my) pockets\b|\banna kareninas?\b.{0,30}\b(?:train|appeal|way out)\b",
        r"\bwrite my own ending\b",
        r"\b(?:final boss|boss fight)\b.{0,40}\b(?:the boss is me|im the boss)\b",
        r"\b(?:early )?retirement\b.{0,20}\bfrom (?:everything|life|it all)\b",
        r"\b(?:have|having|go and have|going to have|gonna have) a (?:long )?(?:conversation|chat|"
        r"word|talk) with the (?:thames|river|sea|ocean|canal|harbou?r|lake|rails|railway)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:go|going|gonna|ready to go|time to go|time i went)(?: to| and)? (?:see|join|be "
        r"with) "
        r"(?:my )?(?:late )?\w+ (?:again |soon |very soon |shortly |early )?.{0,8}\b(?:she|he|they)"
        r"(?: has| s| have| ve|s)? (?:died|passed|been (?:dead|gone|in the (?:cemetery|ground|"
        r"grave)))\b",
        r"\b(?:join|joining|be with|see) (?:the|my) ancestors\b",
        r"\bwouldnt fight it if\b",
        r"\b(?:children|kids|family|they|everyone) (?:are|would be|d be|will be) better (?:off "
        r")?with"
        r" (?:their|his|her) (?:father|mother|dad|mum|mom)\b",
        r"\bi (?:kinda |sometimes |honestly |almost )?wish (?:she|he|they|someone) "
        r"would\b(?!\s*[a-z])",
        r"\bi (?:said|say|mean|meant) i want(?:ed)? (?:it all|everything|it) to stop\b",
        r"\bcant (?:picture|see|imagine) (?:any|a) future\b",
    ),
    _rule(
        "explicit_ideation", "ideation", 3, True,
        r"\b(?:id|i would) (?:kms|kill my ?self|do it|end it) if i had the (?:guts|courage|balls|"
        r"nerve)\b",
        r"\bsuicide\b.{0,60}\b(?:an option|option im|seriously (?:considering|evaluating|"
        r"thinking))\b",
        r"\b(?:ive|i have|i ve) decided to end (?:things|it|it all|my life)\b",
    ),
    _rule(
        "plan", "plan", 3, True,
        r"\bmy plan is (?:the|a) (?:bridge|train|tracks|pills|rope|gun|cliff|roof|car park|"
        r"river)\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\b(?:cant|cannot|can not) promise (?:about|for) (?:next|tomorrow|the weekend|after|"
        r"later)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bsay(?:ing)? goodbye to (?:the server|everyone|you all|yall|the group|this server|the "
        r"chat|the gc)\b",
        r"\b(?:you )?(?:wont|will not) (?:need to |have to )?hear from me (?:again|anymore|"
        r"after)\b",
    ),
    _rule(
        "act_under_way", "act", 4, True,
        r"\btook (?:a few|some|a couple|a load of|loads of|a bunch of) "
        r"extra\b.{0,40}\b(?:feel(?:ing)? "
        r"(?:kinda |really |a bit |so )?(?:weird|dizzy|sick|funny|strange|off)|cant stay awake)\b",
        rf"\btook (?:a load of|loads of|a bunch of|a lot of) (?:extra )?{DRUG}\b.{{0,30}}\bnot to "
        rf"die\b",
        r"\b(?:didnt|did not) take all of them\b|\b(?:only|just) (?:took )?half (?:of )?(?:the|a|"
        r"my) "
        r"(?:box|bottle|pack|packet|strip)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:pain|hurt) (?:to be )?on the outside\b",
        r"\bused (?:the |a |my )?(?:compass|blade|razor|knife|scissors|pencil sharpener|sharpener|"
        r"glass|lighter)\b.{0,25}\bon (?:my )?(?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|"
        r"stomach)\b",
        r"\bput (?:my )?(?:hand|arm|fingers?|wrist)s? (?:on|against|in) (?:the |a )?(?:hot iron|"
        r"iron|"
        r"stove|hob|flame|candle|kettle|boiling)\b",
        r"\b(?:burn(?:ed|t)?|cut|hit|scratched|punched) (?:my ?self|my \w+)\b.{0,30}\bon purpose\b",
        r"\b(?:dont|do not|wont|stop) eat(?:ing)?\b.{0,40}\bdeserve (?:it|to)\b",
        r"\bway to cut\b.{0,20}\b(?:less|no|fewer|without) scar",
        r"(?:^|[.!,] )(?:i )?cut again\b(?!\s*\?)",
    ),
    _rule(
        "means", "means", 3, True,
        r"\bhardest (?:for \w+ )?to (?:treat|reverse|detect|survive)\b.{0,30}\boverdose\b|"
        r"\boverdose\b.{0,40}\bhardest to (?:treat|reverse)\b",
        r"\b(?:dangerous|deadly|lethal|fatal) in (?:a )?(?:large|big|high) (?:amount|dose|"
        r"quantity)\b",
        rf"\bhow much is too much (?:with|of) {DRUG}\b",
        r"\bhelium\b.{0,60}\bdont ask why\b",
    ),
    _rule(
        "at_edge", "means", 3, False,
        r"\bnot (?:going to|gonna|about to) jump\b.{0,40}\b(?:keep|keeps|kept) (?:standing|sitting|"
        r"going) (?:closer to|near|by|next to|on|at) (?:the )?(?:platform edge|edge|ledge|railing|"
        r"tracks)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"\b(?:best friend|friend|sister|brother|mum|mom|dad|girlfriend|boyfriend) (?:does it|"
        r"hurts "
        r"(?:her|him|them)sel(?:f|ves)|cuts (?:her|him|them)sel(?:f|ves))\b",
        r"\b(?:store|hide|lock up|remove|take away) (?:my )?(?:\w+s )?(?:gun|guns|shotgun|rifle|"
        r"firearms?|pills|meds)\b.{0,40}\b(?:rough patch|struggling|depressed|not doing well|"
        r"suicidal|"
        r"going through)\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:dont|do not) feel safe (?:going )?(?:at )?home\b|\bnot safe (?:at|going) home\b",
        r"\b(?:employer|madam|sir|master|landlord|landlady|manager|supervisor|owner) (?:hits|beats|"
        r"slaps|kicks|hit|beat|slapped|kicked) me\b",
        r"\bturned up at my (?:work|house|flat|place|school|door|job)\b.{0,20}\b(?:\d+|several|"
        r"many) "
        r"times\b",
        r"\bnot allowed (?:to use )?(?:the|my) (?:phone|car|money|bank card|cards)\b",
        r"\b(?:changed|changes) my passwords?\b.{0,40}\b(?:wont|doesnt|dont) let me\b|\bwont let "
        r"me "
        r"see my (?:friends|mates|family|mum|mom|sister|brother)\b",
        r"\b(?:left (?:him|her)|refuge|shelter|restraining order)\b.{0,80}\b(?:found|tracked|"
        r"tracking)"
        r" (?:me|my)\b",
        r"\bwhat happened (?:at|in|with) (?:my )?(?:\w+ )?(?:house|place|room|car|camp|"
        r"church)\b.{0,40}"
        r"\b(?:still|wakes me|nightmares|flashbacks)\b",
        r"\b(?:its|it s) the other stuff\b.{0,60}\b(?:silences?|money|control\w*|phone|threat\w*|"
        r"watch\w*|track\w*|goes through|checks)\b",
        r"\b(?:grabs|grabbed|squeezes|squeezed|twists|twisted) my (?:arm|wrist|neck|hair|throat)\b"
        r".{0,30}\b(?:bruise|bruises|hurt|mark)\b",
        r"\btouched me\b.{0,60}\b(?:depends on|keep (?:quiet|it quiet|my mouth shut)|not to tell|"
        r"cant "
        r"tell)\b",
        r"\bheld me under\b",
    ),
    # sixth pass (blind batches 56-59)
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:just |only )?want(?:ed)? to feel (?:the )?pain\b(?! (?:in my (?:legs|muscles|"
        r"arms)|at the gym|of (?:the|a) (?:workout|gym|run)))",
        r"\bfeel (?:the )?pain so (?:i|that i) (?:know|remember|feel) (?:im|i am|i m) (?:real|"
        r"alive|"
        r"here)\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\bthe s ?word\b.{0,40}\b(?:in my head|on my mind|keeps coming|creeping|stuck)\b|"
        r"\b(?:thinking|thought|been thinking|think) (?:about |of )?(?:the )?s ?word\b",
        r"\bhemingway (?:option|route|exit|way out|solution|ending|special)\b",
        r"\b(?:9mm|nine mil|glock|shotgun|12 gauge|twelve gauge|bullet|lead) (?:cure|solution|fix|"
        r"retirement|therapy|prescription|vacation|sleep aid|remedy)\b",
        r"\bwrite my own (?:eow|end of watch|obituary|obit|eulogy)\b",
    ),
    _rule(
        "finality", "finality", 3, False,
        r"\bif (?:im|i am|i m) not (?:around|here|online|alive) (?:next week|tomorrow|after "
        r"tonight|by (?:monday|the weekend|then)|anymore)\b.{0,40}\b(?:just know|know that|you "
        r"were|remember me|thank you for|thanks for)\b",
        r"\b(?:so )?it (?:doesnt|does not|wont|will not) (?:just )?die with me\b",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\bfinger ?(?:mark|bruise|print)s? on (?:his|her|their|my)\b|\b(?:carer|caregiver|nurse|"
        r"aide|support worker|staff|teacher) (?:\w+ ){0,3}(?:was|is|has been|got|gets) "
        r"(?:really |too |so )?(?:rough|hitting|grabbing|pinching|slapping|shoving) (?:with "
        r")?(?:him|"
        r"her|them|my)\b",
        r"\b(?:kicked|thrown|threw|chucked) (?:me )?out(?! of (?:the |a |my )?(?:bar|club|pub|game|"
        r"lobby|server|match|class|lesson|group|gc|chat|team|raid|party|vc|discord))(?: of (?:the "
        r"|my )?(?:house|home|flat|apartment))? (?:an hour ago|\d+ (?:mins?|minutes|hours?) ago|"
        r"tonight|just now|this evening|at midnight|last night)\b",
    ),
    _rule(
        "third_party", "third_party", 2, False,
        r"^(?=.*\b(?:self harm\w*|cut|cutting|cuts|sh)\b).*?\bmy (?:best )?(?:mate|friend|"
        r"teenager|teen|son|daughter|kid|sister|brother|bf|gf|partner|boyfriend|girlfriend) "
        r"(?:who )?(?:does|do)\b(?! (?:the|my|his|her|their|a|an)\b)",
    ),
    # sixth pass, second look (blind batches 60-63)
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\b(?:id be|i would be|im|i am|i d be) (?:quite |perfectly |more than )?(?:happy|ready|"
        r"content|glad) to die (?:now|soon|tonight|tomorrow)\b",
        r"\bpushing up (?:the )?daisies\b.{0,30}\b(?:peaceful|nice|good|appealing|tempting|better|"
        r"restful)\b",
        r"\b(?:nobody|no one|noone) (?:would|will|d) (?:even )?(?:notice|care|miss me) if i "
        r"(?:vanish|vanished|vanish ed)\b",
        r"\bmeet(?:ing)? my maker (?:early|soon|tonight|ahead of schedule|sooner)\b",
        r"\b(?:i )?(?:finally |now )?(?:get|understand|see) why (?:people|someone|anyone) (?:do it|"
        r"kill themselves|end it|end their lives|take their (?:own )?lives)\b",
        r"\bcant see (?:a way|any way|how) (?:i (?:get|can get)|to get) out of (?:this|it)"
        r"(?: one)?\b(?! (?:contract|deal|lease|plan|meeting|subscription|phone))",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\b(?:do|doing|did|pull|pulling) what (?:ernest )?hemingway did\b",
        r"\b(?:think|thinking|thought|dream|dreaming) about (?:the |my |a )?final (?:vacation|"
        r"holiday|trip|journey|sleep|nap|exit|logout|log off)\b",
        r"\b(?:kms ?){2,}\b",
    ),
    _rule(
        "means", "means", 3, True,
        r"\b(?:car )?exhaust (?:fumes )?(?:isnt|is not|still|is|are|aint)\b.{0,20}\b(?:deadly|"
        r"lethal|fatal|kill)\b",
        r"\b(?:buy|get|order)\b.{0,20}\b(?:nitrogen|helium|nitrous)\b.{0,40}\b(?:without (?:any )?"
        r"questions?|no questions)\b",
        rf"\b(?:pills|tablets|meds|medication|oxy\w*|{DRUG})\b.{{0,60}}\b(?:collecting|saving|"
        r"hoarding|stockpiling|keeping) them\b",
        r"\bfor the drivers? sake\b|\b(?:want|need) it to be quick (?:for|and painless)\b",
        r"\b(?:pesticides?|weed ?killer|paraquat|herbicide|rat poison|antifreeze|bleach)\b.{0,40}"
        r"\b(?:painless|quick|fast|deadly|lethal|kill a (?:person|human)|enough)\b",
    ),
    _rule(
        "height_question", "means", 1, False,
        r"\bplatform (?:screen |edge )?doors\b|\bglass doors at (?:every|each|all|the) (?:\w+ )?"
        r"(?:stations?|platforms?)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\bpick(?:ing|ed)? (?:at )?(?:my |the )?(?:old )?(?:scars|scabs|"
        r"wounds)\b.{0,30}\b(?:until|"
        r"till|til) (?:they|it) (?:open|opens|bleed|bleeds)\b",
        r"\b(?:found|saw|seen|noticed|spotted) (?:my|the) (?:fresh )?(?:cuts|burns)\b(?! (?:in|to|"
        r"on) (?:the )?(?:budget|funding|hours|staff|benefits|services))",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\bhands? (?:round|around|on) my (?:throat|neck)\b",
        r"\b(?:hit|hits|slapped|punched|beat|kicked|pushed|shoved|choked|strangled) me again\b",
        r"\b(?:hasnt|has not|havent|have not|hasn t|havent been) (?:\w+ )?fed me\b|\b(?:says?|said|"
        r"tells? me|told me) i eat too much\b",
        r"\bclothes (?:were |was )?(?:not right|torn|ripped|missing|off|inside "
        r"out)\b.{0,60}\b(?:dont|"
        r"cant|do not|can not) remember\b|\b(?:dont|cant) remember\b.{0,60}\bclothes (?:were |was "
        r")?"
        r"(?:not right|torn|ripped|missing|off|inside out)\b",
        r"\b(?:have|get|got) (?:me|you|us) dealt with\b|\b(?:ill|he ll|hell|theyll|they will|he "
        r"will|"
        r"she will|shell) have (?:me|you|us) (?:killed|dealt with|taken care of|disappeared|"
        r"hurt)\b",
        r"\b(?:make|makes|made|force|forces|forced) (?:us|me) (?:to )?(?:sleep|live|stay) in "
        r"(?:the |"
        r"a )?(?:\w+ )?(?:shed|barn|container|kennel|garage|cage)\b",
        r"\b(?:is|are) (?:beating|hitting|attacking|strangling|choking|raping|hurting) (?:her|him|"
        r"them|me) (?:right now|now|as we speak)\b",
    ),
    # sixth pass, third look (blind batches 64-67)
    _rule(
        "finality", "finality", 3, False,
        r"\b(?:(?:you|yall|you guys|everyone|they) (?:wont|will not)|(?:nobody|no one) will) "
        r"(?:have "
        r"to|need to) "
        r"(?:\w+ ){1,5}(?:for )?(?:much|very) longer\b",
        r"\bnot (?:trying|tryna|planning|planning on|gonna|going) (?:to )?be (?:here|around|alive) "
        r"(?:by|for|at|after|past) (?:christmas|new year|new years|my birthday|summer|next \w+|the "
        r"weekend|\w+day)\b",
    ),
    _rule(
        "preparation_general", "preparation", 4, False,
        r"\b(?:can have|gave|giving|give|given) (?:him |her |them |my \w+ )?(?:my|all "
        r"my)\b.{0,60}\b"
        r"(?:wont|will not|not gonna|not going to|dont) need (?:them|it|these|those|any of it)\b",
    ),
    _rule(
        "means", "means", 3, True,
        r"\bld ?(?:50|so)\b",
        r"\b(?:trains?|train lines?)\b.{0,40}\b(?:dont|do not|doesnt|does not|never) slow down\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:ice|ice cubes|rubber bands?|elastic bands?|snapping)\b.{0,30}\b(?:didnt|did not|"
        r"doesnt|does not|isnt|not) (?:work|help|enough)\b(?!.{0,20}\b(?:swelling|sprain|ankle|"
        r"knee|bruise|burn)\b)",
    ),
    _rule(
        "abuse", "abuse", 3, False,
        r"\b(?:got|get|gets|was|been|getting) (?:hit|beaten|whipped|smacked|hit) with (?:a |the |"
        r"his "
        r"|her |my )?(?:belt|stick|cane|shoe|slipper|wire|cord|hanger|spoon|ruler|hose|chappal)\b",
        r"\b(?:didnt|did not|wouldnt|would not) stop when i (?:said|told (?:him|her|them)|asked)\b",
        r"\b(?:used to |would )?(?:come|came|sneak|sneaked|snuck|creep|crept) into my (?:room|bed) "
        r"at "
        r"night\b",
    ),
    _rule(
        "intent", "plan", 3, False,
        r"\bnot (?:going to|gonna) do anything (?:stupid|silly|drastic)\b.{0,60}\bcant stop "
        r"thinking "
        r"about (?:it|ending it|doing it)\b",
    ),
    _rule(
        "passive_ideation", "ideation", 2, False,
        r"\btired of fighting\b.{0,80}\bnothing left\b",
    ),
    # seventh pass (blind batches 72-75)
    _rule(
        "means", "means", 3, True,
        r"\b(?:best|good|easiest|highest|tallest|quickest) (?:place|spot|building|bridge|roof|"
        r"floor)"
        r" (?:\w+ ){0,4}to jump (?:from|off)\b(?!.{0,40}\b(?:into the (?:water|lake|sea|river|"
        r"pool|ocean|quarry)|diving|swim\w*|parachut\w*|bungee|skydiv\w*|base jump\w*)\b)",
        # "where can i buy sniper insecticide in small quantity without questions"
        r"\b(?:buy|get|order|purchase)\b.{0,30}\b(?:poisons?|pesticides?|insecticides?|weed ?killer|"
        r"pills|tablets|painkillers|paracetamol|tylenol|rope|guns?|firearms?|chemicals?|cyanide)\b"
        r".{0,40}\b(?:without (?:any )?questions|no questions asked|without anyone (?:asking|"
        r"knowing))\b",
    ),
    _rule(
        "coded_slang", "coded", 3, False,
        r"\beat (?:my|a|the) (?:gun|bullet|shotgun|pistol)\b",
        r"\brope (?:szn|season)\b",
    ),
    _rule(
        "self_harm", "self_harm", 3, True,
        r"\b(?:havent|hadnt|didnt|have not|had not) (?:cut|self harmed|hurt my ?self|burned my "
        r"?self|"
        r"harmed my ?self)\b.{0,30}\buntil (?:tonight|today|yesterday|last night|this morning|"
        r"now|an hour ago)\b",
    ),
    # ---- distress ----------------------------------------------------------------------------
    _rule(
        "distress", "distress", 1, False,
        r"\b(?:depressed|depression|hopeless|hopelessness|worthless|useless|empty inside|so empty|"
        r"numb|lonely|so alone|all alone|completely alone|isolated|anxious|anxiety|panic attacks?|"
        r"panicking|overwhelmed|exhausted|drained|crying|cried|cry myself|heartbroken|broken|"
        r"miserable|hate my ?self|hate my life|hate my body|hate who i am|disgusting|a failure|"
        r"failure|burden|cant cope|cant take (?:it|this)|cant handle|cant do this|falling apart|"
        r"breaking down|nobody cares|no one cares|noone cares|no one understands|nothing matters|"
        r"whats the point|no point|give up|giving up|gave up|lost my job|got fired|laid off|dumped|"
        r"broke up|breakup|divorce|evicted|eviction|homeless|grief|grieving|passed away|funeral|"
        r"sad|"
        r"stressed|tired of everything|dead inside|dying inside|suffering|hurts so much|"
        r"struggling|trapped|darkness|dark place|spiral|spiralling|spiraling|unbearable|self hate|"
        r"ashamed|so tired|exhausted of|sick of everything|im done|im so done|cant anymore|"
        r"cant sleep|insomnia|hurting|in pain|so much pain|bullied|harassed|alone|rejected|"
        r"left me|lost everything|no friends|no way|a mess|crying|tears|hate everything|"
        r"cant stop crying|fed up|pointless|meaningless|(?<!shes )(?<!hes )(?<!theyre )(?<!she is "
        r")(?<!he is )scared(?! of (?:heights|spiders|snakes|dogs|flying|needles|clowns|the dark|"
        r"water|crowds|bugs|mice|birds|bees|wasps|thunder|the dentist))|terrified(?! of (?:heights|"
        r"spiders|snakes|flying|needles|clowns))|afraid(?! of (?:heights|spiders|snakes|flying|"
        r"needles|clowns))|im shaking|not in a (?:good|great|healthy) place|made redundant|"
        r"redundancy|(?:havent|have not|not) slept|since (?:she|he|they) left|cant stop "
        r"shaking|failing everything|failed (?:the|my) (?:\w+ )?exams?(?: again| (?:a )?second "
        r"time)?)\b",
    ),
)  # fmt: skip


# Matched on the raw text: normalisation turns the emoji into the word "pills".
PILL_EMOJI = _rule("pill_emoji", "means", 2, False, "💊")


@dataclass(frozen=True, slots=True)
class RuleBook:
    """All rule patterns flattened behind one literal gate (see ``gating``)."""

    owners: tuple[Rule, ...]
    gated: GatedPatterns

    @classmethod
    def build(cls, rules: Iterable[Rule]) -> RuleBook:
        pairs = [(rule, pattern) for rule in rules for pattern in rule.patterns]
        return cls(tuple(r for r, _ in pairs), GatedPatterns.build([p for _, p in pairs]))

    def match(self, text: str) -> list[Hit]:
        """All rule hits in normalised ``text`` (first match of each pattern), in table order."""
        hits: list[Hit] = []
        patterns = self.gated.patterns
        for i in self.gated.candidates(text):
            m = patterns[i].search(text)
            if m:
                hits.append(Hit(self.owners[i], m.start(), m.end()))
        return hits


RULE_BOOK = RuleBook.build(RULES)


def match_rules(text: str, book: RuleBook = RULE_BOOK) -> list[Hit]:
    """All rule hits in normalised ``text``."""
    return book.match(text)
