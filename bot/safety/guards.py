"""Guards against false alarms: figurative and joking use, negation, and history told in the past.

A figurative guard suppresses only the rule hits its own phrase covers ("dying to see it",
"overdose on coffee"). Negation must govern the hit itself ("I'm not suicidal"; "I would never
kill myself"). Joking markers and a past-tense story lower weak hits; a strong hit stays at a
crisis level (L2 or more) whatever the guards say, so one "lol" never erases real risk.
"""

from __future__ import annotations

import re

from bot.safety.gating import GatedPatterns
from bot.safety.rules import NEG, Hit

_FIGURATIVE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\bdying (?:to|for) (?!die\b)\w+",
        r"\bto die for\b",
        # cliff jumping into water for fun, told afterwards
        r"\b(?:we|they|we all|me and \w+) (?:jumped|dove|dived) (?:off|from)\b.{0,40}\binto the "
        r"(?:lake|water|sea|river|pool|ocean)\b",
        r"\b(?:die|dying|died|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|boredom|"
        r"cringe|heat|thirst|hunger|cuteness|shame|jealousy|excitement|envy)\b",
        r"\b(?:could|gonna|going to|will|would|about to|literally) (?:literally |just )?die "
        r"(?:of|from|laughing|if (?:i|he|she|they) (?:see|saw|hear|heard))\b",
        r"\bdie (?:laughing|happy)\b",
        r"\b(?:killed|killing|kill|killin) (?:my ?self|me) (?:laughing|with laughter)\b",
        r"\b(?:almost|nearly|practically|basically) (?:killed|died|kill|drowned|overdosed) "
        r"(?:my ?self )?(?:on|at|in|when|while|tripping|falling|laughing|from)\b",
        r"\b(?:kill|killing|killed|unalive|unaliving|unalived) (?:a|the|this|that|my|all|every|"
        r"those|these|off)? ?(?:\w+ )?(?:raid boss|final boss|bosses|mobs?|npcs?|raid|dungeon|"
        r"process|processes|task|tasks|job|jobs|thread|program|app|server|container|pod|session|"
        r"bug|bugs|engine|lights|music|switch|mood|vibe|conversation|spiders?|mosquito|"
        r"mosquitoes|weeds|plants?|boss|level|game|character|zombies?|monsters?|enemies|battery|"
        r"buzz|germs|bacteria|flies|ants|roaches|cockroach)\b",
        r"\bkill (?:some |the )?time\b",
        r"\b(?:would|could|id) kill (?:for|4) (?:a|some|an|one) \w+",
        r"\b(?:overdose|overdosed|overdosing|od|oding|odd|ods) (?:on|with) (?:coffee|caffeine|"
        r"sugar|"
        r"chocolate|candy|sweets|netflix|anime|tiktok|memes|love|cuteness|carbs|pizza|music|energy "
        r"drinks|red bull|monster|k ?pop|studying|cookies|cake|sunshine|drama|"
        r"content)\b",
        r"\bsuicide (?:squad|mission|missions|doors|door|squeeze|run|runs|burpees|drills|sprints|"
        r"lane|king|bomber|bombers|prevention|awareness|hotline|hotlines|rates?|statistics|stats|"
        r"watch|rate|forest|pact (?:in|from) (?:the )?(?:book|movie|show)|note (?:in|from) "
        r"(?:the )?(?:book|movie|show|song))\b",
        r"\bshoot (?:me|you|u) (?:a|an) (?:text|message|email|dm|line|pic)\b",
        r"\bshoot (?:my|your|ur|his|her|their|our) shot\b",
        r"\b(?:jumping|jump|jumped) off (?:a|the) (?:bridge|cliff|roof|building) if (?:they|he|she|"
        r"my|"
        r"the|you|we|this|that)\b",
        r"\b(?:unalive|kill|end) me,? (?:i|we|the \w+|my \w+|he|she|they) (?:just )?(?:sent|said|"
        r"did|"
        r"called|read|posted|showed|tripped|forgot|replied)\b",
        r"\brip me\b|\btake a bullet for\b|\bwill kill me with\b",
        r"\b(?:the|this|that|his|her|their|our|your) (?!(?:person|kid|guy|girl|friend|boy|man|"
        r"woman|"
        r"patient|student|teen|child)\b)(?:\w+ ){0,4}(?:is|was|are|were) (?:\w+ )?suicidal\b",
        r"\b(?:ground|floor|earth) (?:to )?(?:open up and )?swallow me\b",
        r"\bmy (?:phones?|phone s|laptops?|cars?|plants?|battery|wifi|printer|code|fantasy team|"
        r"bank "
        r"account)(?: \w+){0,2} (?:is|was|are|were) (?:\w+ )?suicidal\b",
        r"\b(?:plants?|fish|crops|seedlings|tomatoes|succulents|lemmings|bees|cells|neurons|brain "
        r"cells) (?:are |is |keep )?(?:committing|commit) (?:mass )?suicide\b",
        r"\bkms,? (?:i|we) (?:just )?(?:locked|forgot|left|burnt|burned|lost|missed|dropped|"
        r"spilled|"
        r"broke|sent|pushed|merged|deployed|committed|deleted|"
        r"called|"
        r"tripped|failed|overslept)\b(?!.{0,60}\b(?:mean it|everything|everyone|my job|my (?:mum|"
        r"mom|dad|"
        r"wife|husband|partner|kids?|son|daughter|house|home|baby)|all my)\b)",
        r"\bdont want to live like this(?: anymore)?,? (?:i )?dont mean (?:dying|die|suicide|it "
        r"like "
        r"that)\b",
        r"\bpray for me\b.{0,40}\b(?:may not|might not|wont|will not) survive\b",
        r"\b(?:teammates?|team|randoms|squad|duo)\b.{0,40}\b(?:kms|kill my ?self|unalive my "
        r"?self)\b"
        r"(?=.{0,20}\b(?:gg|lol|lmao|jk)\b)",
        r"\bif (?:my|he|she|they) (?:\w+ )?(?:touches|eats|takes|uses|breaks|steals|wears) my \w+ "
        r"(?:again )?(?:shes|hes|theyre|ur|youre|is|are) dead\b",
        r"\bjump(?:ing)? off (?:a|the) \w+ would be (?:less painful|more fun|better|easier|nicer) "
        r"than\b",
        r"^(?=.*\b(?:lol|haha|lmao|jk|skull)\b).*?\bif (?:the|my|this|that|our) \w+ (?:breaks|dies|"
        r"crashes|fails|is late|gets cancelled|goes down)\b.{0,40}\b(?:jump(?:ing)? off (?:a|the) "
        r"(?:bridge|roof|cliff|building)|kill my ?self|kms)\b",
        r"\b(?:defence|defense|defending|tactics|driving|passing|decision|move|idea|strategy|"
        r"schedule|"
        r"pace|lineup|formation|goalkeeping) (?:is|was|are|were) (?:\w+ )?suicidal\b",
        r"\b(?:throw|throwing|jump|jumping|yeet|yeeting) my ?self off (?:a|the) \w+ (?:emotionally|"
        r"spiritually|metaphorically)\b",
        r"(?:\bhow (?:far|high|tall|long|big|steep) is the drop (?:from |on |off |of )?(?:\w+ "
        r"){0,4})?"
        r"\b(?:ferris wheel|roller ?coaster|rollercoaster|zipline|drop tower|log flume)\b",
        r"\bif i (?:have to )?(?:see|hear|read|watch) (?:\w+ ){1,6}(?:one more time|again)\b.{0,25}"
        r"\b(?:im|ill|i will|i am|i swear)\b.{0,40}",
        # a trivial cause: "my wifi is so slow im about to throw myself off the roof"
        r"\b(?:wifi|internet|connection|laptop|phone|printer|zoom|teams|traffic|queue|meeting|"
        r"lecture|class|homework|boss|teacher|coworker|roommate|code|build|game|team|ping|lag|"
        r"boss fight|fight|raid|match|level|penalty|miss|referee|ref|post office|kettle|printer|"
        r"patch|nerf|jungler|support|healer|feeder|noobs?|meta)\b"
        r".{0,40}\b(?:about to|gonna|going to|bout to|finna|(?:mak(?:es|ing)|made) me (?:wanna|"
        r"want to)) "
        r"(?:(?:\w+ ){0,2}and )?(?:walk into the sea|shoot my ?self|kill my ?self|kms|(?:throw|"
        r"yeet|"
        r"chuck|launch|fling|jump) "
        r"my ?self (?:off|out|into|in front)\b(?: (?:of )?(?:a|the|my) \w+)?|jump off (?:a|the|"
        r"this|that) \w+)",
        # kms at a chore: "kms why did i sign up for 8am classes", "kms my team threw the game"
        r"\bkms (?:why (?:did|do|am) i|my (?:team|teacher|prof|boss|wifi|internet|phone|laptop|"
        r"code|"
        r"build|group|mom|mum|dad|sister|brother|roommate)|(?:the|this|that) (?:\w+ )?(?:wifi|"
        r"internet|game|"
        r"match|exam|test|quiz|homework|lecture|class|essay|meeting|shift|traffic|queue|bus|train)"
        r")\b(?!.{0,30}\b(?:life|alive|anymore|everyone|nobody|no one)\b)",
        r"\b(?:book|novel|film|movie|show|series|song|podcast|documentary|essay|article|play|poem|"
        r"episode|chapter) (?:\w+ ){0,3}(?:is|was|are|were) (?:all |partly )?about suicide\b",
        # "kms this commute is 2 hours": kms aimed at a chore, not at life (labelling rule 4)
        r"\b(?:kms|kys) (?:this|these|that|the|my) (?!(?:life|world|pain|feeling|body|family|"
        r"house|place|loneliness|emptiness|voice|voices|head|brain|thoughts)\b)(?:\w+ ){1,2}(?:is|"
        r"are|"
        r"was|were|got|gets|has|have|had|takes|took|lasts|goes|sounds?|looks?|keeps?|wont|doesnt|"
        r"didnt|broke|crashed|"
        r"gave|made|set|assigned|scheduled|put|really|just)\b",
        # "unalive-ing my account", "kill my character"
        r"\b(?:unalive|unaliving|unalived|unalive ing|delete|deleting|kill|killing) (?:my|the) "
        r"(?:account|acc|"
        r"character|save|save file|profile|main|alt|phone battery)\b",
        r"\b(?:im|i am|ill be|i will be|were|we are|youre|hes|shes) (?:so |literally |actually |"
        r"totally )?(?:dead|ded) if\b",
        r"\b(?:strangle|kill|murder|throttle) whoever\b",
        r"\b(?:tried|trying|try) to (?:murder|kill) (?:me|us) with\b",
        r"\b(?:walk|walking) into the sea\b(?=.{0,20}\bin (?:the|a) good way\b)",
        r"\b(?:el|este|esta|la|ese|esa) (?:\w+ ){0,2}(?:me esta matando|me mata|me va a matar)\b",
        r"\b(?:shooting|gun|rifle|archery) (?:range|club|lesson|lessons|course)\b.{0,80}|"
        r"\b(?:clay pigeon|deer|duck|pheasant|rabbit) (?:shooting|hunting|season)\b",
        r"\bhit (?:me|us) up\b",
        r"\b(?:lethal|toxic|fatal|deadly|dangerous) (?:dose|amount)\b.{0,40}\bfor (?:a|my|our) "
        r"(?:dog|cat|pet|puppy|kitten|horse|bird|rabbit)\b",
        r"\b(?:id|i would|i d) (?:jump off a (?:cliff|bridge)|die|kill|walk through fire) for "
        r"(?:a|an|some|the|one|you|him|her)\b",
        r"\b(?:be|is|are|will be|gonna be|going to be) the (?:death|end) of me\b",
        r"^(?=.*\b(?:lol|haha|lmao|jk|just kidding|skull)\b).*?\bif i (?:fail|have to|get|dont get|"
        r"see|hear|lose|flunk|miss)\b.{0,50}\b(?:jump(?:ing)? off (?:a|the) (?:bridge|roof|"
        r"building|cliff)|kill my ?self|kms|die)\b",
        r"\b(?:rather|sooner) (?:die|be dead) than (?:go|going|wear|eat|sit|listen|watch|do|vote|"
        r"support|pay|see|"
        r"be seen|talk|text|call|admit|lose|work|study)\b(?!.{0,12}\b(?:back|home|him|her)\b)",
        r"\b(?:died|dies|dying|lost (?:him|her|them|my (?:\w+ )?\w+)) (?:by|to|from) suicide\b|"
        r"\bcommitted "
        r"suicide\b|\bsuicide (?:loss|survivors?|bereavement|note in the)\b",
        r"\b(?:bungee|cliff|base|rope) (?:jump|jumping|jumped) (?:off|from)\b.{0,30}|"
        r"\bjump(?:ing|ed)? (?:off|from) (?:a|the) (?:diving board|dock|boat|pier|high dive)\b|"
        r"\b(?:bungee|ski|parachute|base|high|long|triple|trampoline|show|box|star) jumps?\b|"
        r"\b(?:skydiv\w*|cliff diving|high diving)\b",
        r"\b(?:want to die|wanna die|could die|gonna die|going to die|i died|kill me)\b.{0,40}"
        r"\b(?:tripped|embarrass\w*|cringe|awkward|in front of (?:my crush|everyone|the class|the "
        r"whole))\b",
        r"\bshoot(?:ing)? (?:my ?self|yourself) in the foot\b",
        # slang praise: "this drill track is lethal", "that fit is deadly"
        r"\b(?:track|song|beat|tune|verse|bars|album|mixtape|fit|outfit|look|serve|shot|goal|"
        r"tackle|"
        r"roast|diss|combo|move|dance) (?:is|was|goes) (?:so |actually |lowkey |honestly )?"
        r"(?:lethal|deadly|fatal|killer|a killer|murder)\b",
        # "gonna hang myself... a new shelf lol"
        r"\b(?:hang|hanging) my ?self\b\W{2,}\s*(?:a |the |some |my )?(?:new )?(?:shelf|shelves|"
        r"picture|"
        r"painting|mirror|poster|frame|curtains?|tv|clock)\b",
        # hyperbole: "if i see one more spreadsheet im walking into the sea"
        r"\bif i (?:see|hear|read|get|receive|have to (?:read|hear|see|sit through)) (?:one "
        r"more|another) (?:\w+ ){1,3}(?:im|ill|i will|i am|i swear)\b.{0,40}",
        r"\bif (?:my |the |this |that )?\w+ (?:asks?|says?|sends?|makes?|gives?|schedules?) (?:me "
        r")?"
        r"(?:for )?(?:one more|another) (?:\w+ ){1,5}(?:im|ill|i will|i am|i swear)\b.{0,40}",
        r"\b(?:rather|sooner) (?:jump off (?:a|the) (?:bridge|cliff|roof|building)|walk into the "
        r"sea|"
        r"eat glass|throw my ?self off \w+(?: \w+)?) than (?:go|going|sit|sitting|listen|watch|do|"
        r"doing|talk|attend|work|study|read|write|wear|eat)\b",
        # "im gonna strangle my brother he ate my leftovers"
        r"\bunalive (?:my|the) (?:sibling|brother|sister)\b.{0,20}\bif (?:he|she|they) (?:touch|"
        r"eat|"
        r"take|use|break|delete)\w*\b",
        r"\b(?:kill|strangle|murder|throttle|end) (?:him|her|them|my (?:\w+ )?(?:brother|sister|"
        r"mom|mum|dad|roommate|flatmate|boyfriend|girlfriend|bf|gf|husband|wife|cat|dog|friend))\b"
        r".{0,30}\b(?:he|she|they|it) (?:ate|took|stole|used|broke|borrowed|finished|forgot|"
        r"spoiled|spoilered|ruined|drank|keeps|left|wore|deleted|lost)\b",
        r"\bif (?:all )?(?:your|my|ur) friends (?:jumped|jump) off (?:a|the) (?:bridge|cliff)\b",
        r"\b(?:mom|mum|dad|mother|father|parents|boss|teacher|coach|wife|husband|gf|bf|girlfriend|"
        r"boyfriend|sister|brother|he|she|they|someone|prof|professor|manager|team|everyone) "
        r"(?:is|are|will|would|s|gonna|going to|is going to|is gonna|are gonna|are going to|"
        r"s gonna|s going to|will literally) (?:literally |actually |so |totally )?(?:kill|murder|"
        r"skin) (?:me|us)\b"
        r"(?=.{0,40}\b(?:if|when|for|lol|because|cause|after|once|haha|skull)\b|\s*[.!]*$|,? (?:i|"
        r"we) "
        r"(?:forgot|broke|lost|missed|failed|dented|crashed|spilled|ate|scratched|ruined)\b)",
        r"\b(?:kill|killing|die|dying|died|suicide|hang|hanging|jump|jumped|jumping|jumps|shoot|"
        r"shot|"
        r"stab|unalive|kms) (?:\w+ ){0,7}(?:in|on|during) (?:minecraft|fortnite|roblox|the game|"
        r"elden ring|hardcore mode|hardcore|survival mode|ranked|pvp|multiplayer|dark "
        r"souls|gta|cod|valorant|league|skyrim|sims|the sims|my game|a game|the video game|"
        r"among us|"
        r"apex|overwatch|zelda|terraria|fallout)\b",
        r"\bmy (?:\w+ )?(?:meds|medication|medicine|pills|tablets|antidepressants) (?:are|is) "
        r"(?:finally )?(?:kicking in|working)\b",
        r"\b(?:cut|cutting) (?:my|the) (?:hand|finger|thumb|lip|foot|knee) (?:on|while|chopping|"
        r"cooking|shaving|opening)\b",
        r"\b(?:burned|burnt|cut|scratched|bruised|grazed) (?:my ?self|my \w+) on (?:the|a|an|some) "
        r"(?:\w+ ){0,2}(?:oven|stove|hob|iron|kettle|pan|grill|bbq|radiator|door|glass|knife|paper|"
        r"fence|"
        r"brambles?|nail|corner|table|tin|can|tray)\b(?!.{0,10}\bon purpose\b)",
        r"\b(?:hurt|hurting|injured|pulled|sprained|burned|burnt|cut) (?:my ?self|my \w+) "
        r"(?:at the gym|playing|skiing|running|lifting|working out|cooking|on the stove|in the "
        r"kitchen|at work|at practice|during practice|falling|tripping)\b",
        r"\b(?:the|this|that|my|these|those) (?:\w+ ){0,3}(?:is|are|was|were) (?:literally |"
        r"actually |gonna |going to )?(?:killing|kill) me\b",
        r"\b(?:wanna|want to|gonna|going to) (?:die|kill my ?self) (?:of|from) (?:embarrassment|"
        r"cringe|shame|boredom)\b",
        r"\b(?:in|of|from|about|watched|reading|read|wrote an?|writing an?|essay on|essay about|"
        r"documentary about|lecture on|class on|song about|book about|movie about|research on|"
        r"study on) (?:the )?(?:suicide|self harm) (?:prevention|awareness|rates?|scene|statistics|"
        r"research|topic|in|among)\b",
        # leisure jumps into water: "is it safe to jump off the cliff at the quarry, its deep"
        r"\b(?:safe|ok|okay|allowed|legal|fun|scary) to (?:jump|dive) (?:off|from|into)\b.{0,80}"
        r"\b(?:water|"
        r"lake|sea|river|pool|deep|swim\w*|tombstoning|lifeguard)\b",
        # "die of laughing / tiredness" in Spanish, Portuguese, French, Italian, German
        r"\b(?:morir|muero|muriendo|muerto|muerta|morta|morto|morrendo|morrer|morri|mourir|meurs|"
        r"mort|morte|morire|muoio|sterbe|sterben) (?:de|of|di|vor) (?:la )?(?:risa|rir|riso|rire|"
        r"saudades?|vontade|ganas|envie|"
        r"cansa[cç]o|cansancio|fatigue|fatica|hambre|fome|faim|fame|calor|chaleur|caldo|fr[ií]o|"
        r"froid|sono|sue[nñ]o|sommeil|verg[uü]en[cz]a|vergonha|honte|aburrimiento|t[ée]dio|ennui|"
        r"amor|amour|lachen|langeweile|hunger|m[uü]digkeit)\b|\btodm[uü]de\b|\bhundem[uü]de\b",
        # "ready to die on this hill"; "someone unalive this guys wifi"
        r"\bdie on (?:this|that|the) hill\b",
        r"\bunalive (?:this|that|the|his|her|their|my|our) (?:\w+ ){0,2}(?:wifi|router|internet|"
        r"laptop|phone|pc|computer|printer|alarm|alarm clock|group chat|gc|playlist|game|console|"
        r"homework|essay)\b",
        # deaths in a game, then the joke: "died 6 times to the same boss im gonna kms skull"
        r"\b(?:died|dying|dead|killed|wiped|lost) (?:like |about |over |literally )?(?:\d+|\w+) "
        r"times? (?:to|on|in|at|by|against) "
        r"(?:the |this |that |a )?(?:same )?(?:\w+ )?(?:boss|level|mob|raid|dungeon|stage|map|"
        r"round|lobby|guy|player|team)\b.{0,60}",
        # trivial annoyances: "this lag is making me wanna throw myself off a cliff istg"
        r"\b(?:the|this|that|my|these|those) (?:\w+ )?(?:lag|wifi|wi fi|internet|ping|connection|"
        r"game|boss|level|update|patch|printer|laptop|queue|traffic|commute|lecture|meeting|"
        r"spreadsheet|homework|group project|song|ad|ads|loading screen|server|teammates?|team|"
        r"weather|heat|hangover|cold|flu) (?:is|are|was|were|keeps|has been) "
        r"(?:literally |actually |"
        r"so |just )?(?:making|gonna make|going to make|make) me (?:wanna|want to|wan na)\b.{0,50}",
        # questions about the words themselves: "what does unalive mean", "is kms slang for"
        r"\bwhat (?:does|do|is|s) (?:the word |the term |it mean when (?:people|someone|they) "
        r"say )?"
        r"\W*(?:unalive|unaliving|kms|kys|ctb|sewerslide|sewer slide|self delete|catch the bus)\W*"
        r"(?:mean|means|stand for|short for)?\b|\b(?:unalive|kms|kys|ctb|sewer ?slide)\W* "
        r"(?:means|is (?:slang|short) for|stands for)\b|\b(?:keeps|keep|kept) saying "
        r"\W*(?:unalive|kms|"
        r"kys|ctb|sewer ?slide)\b(?=.{0,60}\b(?:mean|slang|youtube|tiktok|shorts|videos?|word)\b)",
        # fifth pass: "id rather die than sit through another all hands", "id jump off a bridge
        # for those tickets", "going to throw myself into the sun", "this assignment will take my
        # life", "one more time and ill murder her", "shoot me now"
        r"\b(?:id|i would|i d) (?:honestly |literally |actually )?rather (?:die|be dead|shoot my "
        r"?self|"
        r"kill my ?self|jump off a \w+) than (?:sit|sitting|listen|listening|watch|watching|attend|"
        r"attending|wear|wearing|eat|eating|do (?:another|this|that|the|my)|work (?:another|with)|"
        r"spend (?:another|a|an)|be seen|talk to|sit next)\b",
        r"\b(?:id|i would) (?:actually |literally |honestly |totally )?(?:jump off a (?:bridge|"
        r"cliff)|"
        r"walk (?:through fire|into traffic)|die|kill) for (?:those|these|that|a|the|some|"
        r"tickets)\b",
        r"\b(?:throw|throwing|yeet|yeeting|launch|launching|fling) my ?self into the sun\b",
        r"\b(?:assignment|exam|exams|homework|job|work|boss|class|project|course|deadline|essay|"
        r"thesis|shift|commute|semester) (?:is |will |is going to |going to |gonna |is gonna )?"
        r"(?:take|taking) my life\b",
        r"\bone more time\b.{0,30}\b(?:ill|i will|im going to|im gonna|i swear ill) (?:murder|"
        r"kill|strangle|end) (?:her|him|them|you)\b",
        r"\b(?:just )?shoot me now\b",
        r"\b(?:kill|off|unalive) my ?self if (?:he|she|they|you|someone) (?:picks|plays|says|"
        r"steals|"
        r"uses|mains|takes) (?:\w+ ){1,3}again\b",
        r"\bsleep forever\W{0,3}until\b",
        r"\b(?:unalive|kill|off|kms) (?:my ?self )?over (?:this|that|the|a) (?:\w+ ){0,2}(?:chart|"
        r"game|test|quiz|essay|homework|meme|chores?|email|meeting|match|bug|spreadsheet)\b",
        r"\breduce suicides?\b|\bsuicides? (?:overall|statistics|data|research|evidence)\b",
        r"\b(?:off|kill|shoot|end|unalive) my ?self if (?:this|that|the) (?:\w+ ){1,3}(?:goes|"
        r"lasts|"
        r"takes|drags on|runs) (?:on )?(?:one|1|a|another|any) (?:more )?(?:minute|second|hour|"
        r"day)\b",
        r"\bwring (?:her|his|their|its|your|the \w+s) necks?\b",
        r"\b(?:my |me )?(?:back|feet|knees|legs|head|neck|shoulders?|hips?|hands|body)(?: is| are|"
        r"s)? "
        r"(?:absolutely |really |just |proper )?killing me\b",
        r"\bif (?:they|he|she) (?:kill off|kill|cancel|nerf|ship|remove|delete) (?:my )?(?:\w+ )?"
        r"\w+\b.{0,20}\b(?:im|ill|i will|i am) (?:jumping|going to jump|gonna jump) off\b",
        r"\bif (?:this|that|the) (?:\w+ ){1,3}(?:goes|lasts|takes|drags on|runs) (?:on )?(?:one|1|"
        r"a|"
        r"another|any) (?:more )?(?:minute|second|hour|day)\b",
        r"\b(?:feel|feels|felt|feeling) like (?:ive|i have|i ve) been hit by a (?:bus|truck|train|"
        r"lorry)\b",
        # sixth pass: "the healer let me die again", "one more powerpoint and im gonna shoot
        # myself lol", "footy tipping has me suicidal", "sister keeps stealing my hoodies im gonna
        # strangle her"
        r"\b(?:healer|healers|tank|support|team|teammates?|medic|jungler|squad|duo|randoms?|"
        r"lobby) (?:let|made|lets|makes) me die\b",
        r"\bone more (?:\w+ ){0,2}(?:powerpoint|ppt|slide deck|slides?|meetings?|emails?|zoom|"
        r"calls?|"
        r"lectures?|essays?|assignments?|spreadsheets?|reports?|forms?|briefings?|webinars?|ads?|"
        r"adverts?|songs?|tiktoks?|memes?|group projects?|stand ?ups?|all hands|inspections?|"
        r"audits?|"
        r"trainings?|modules?|quizz?e?s?|worksheets?|drills?)(?: \w+){0,4},? (?:and )?(?:im|ill|i "
        r"will|"
        r"i am|i swear|i"
        r" m) (?:literally |actually |just |honestly )?(?:gonna |going to |about to )?(?:shoot|"
        r"kill|"
        r"hang|throw|yeet|unalive) my ?self\b",
        r"\b(?:footy tipping|tipping|fantasy (?:league|football|team|draft)|march madness|my "
        r"bracket|the refs?|the umpires?|umpiring|refereeing|the (?:\w+ )?(?:league|season|draft|"
        r"ladder))\b.{0,30}\b(?:has|have|got|is making|makes|made|making) me (?:so |lowkey |"
        r"actually |genuinely )?suicidal\b",
        r"\b(?:sister|brother|sis|bro|roommate|flatmate|housemate|mum|mom|dad|bf|gf|boyfriend|"
        r"girlfriend|cat|dog) (?:keeps|kept|just|always) (?:\w+ )?(?:stealing|stole|eating|ate|"
        r"taking|took|borrowing|using|wearing|hogging|finishing|drinking) "
        r"(?:\w+ ){0,3}.{0,30}\b(?:gonna|going to|about to|will|ill|i will) (?:strangle|kill|"
        r"murder|"
        r"throttle|end) (?:her|him|them|it)\b",
        r"\b(?:idk|i dont know|dont know|no idea) why (?:my )?\w+ (?:thinks?|thought|is worried|"
        r"assumes?) (?:that )?(?:im|i am|i was|i might be) (?:\w+ )?(?:suicidal|self harming|"
        r"depressed)\b",
        r"\b(?:group projects?|(?:project |lab )?partners|teammates|coworkers|homework|exams?|"
        r"class|"
        r"wifi|lag|traffic|meetings?|my boss|the commute) (?:is|are) (?:the reason|why) i (?:want "
        r"to|"
        r"wanna) (?:walk into the sea|jump off (?:a|the) \w+|kms|kill my ?self|throw my ?self "
        r"\w+)\b",
        r"\b(?:lit(?:erature)? review|essay|thesis|dissertation|research|paper|report|assignment|"
        r"presentation|article|study|studies|statistics|prevalence|rates?) (?:on|about|of|into) "
        r"(?:\w+ ){0,3}(?:self harm|suicide|suicidal)\b",
        r"\b(?:overdose|od|oding|overdosing) on (?:pumpkin spice|caffeine|coffee|sugar|chocolate|"
        r"candy|sweets|cake|pizza|memes|anime|netflix|kdramas?|k dramas?|tv|content|cuteness|"
        r"nostalgia|serotonin|dopamine|vitamin d|sunshine|christmas|halloween|tiktok|reels|fanfic|"
        r"cookies|cheese|carbs)\b",
        r"\bsuicidal thoughts\W{0,3} (?:side effect )?(?:hasnt|has not|didnt|did not|never) "
        r"(?:happened|kicked in|shown up|showed up|appeared|come)\b",
        r"\bif (?:the|my|this|that|our) (?:\w+ )?(?:printer|wifi|internet|laptop|computer|pc|phone|"
        r"app|game|bus|train|alarm|car|microwave|kettle|dishwasher|washing machine|router|server|"
        r"build|code|website|site|page|zoom|teams) (?:\w+ ){0,2}one more time\b.{0,15}\b(?:im|ill|"
        r"i will|i am|i m|i swear)\b.{0,50}",
        r"\bjump(?:ing)? off (?:a |the )?(?:cliff|rocks?|pier|jetty|boat|"
        r"bridge)\W{0,5}(?:\w+\W+){0,2}"
        r"into the (?:sea|water|lake|ocean|pool|river|lagoon)\b(?=.{0,60}\b(?:summer|holiday|"
        r"vacation|trip|swim|swimming|beach|dive|diving|snorkel\w*)\b)",
        # seventh pass: "kms if i have to do one more excel reconciliation", "ready to jump off a
        # bridge over these merge conflicts", "my plants are all committing suicide"
        r"\b(?:kms|kill my ?self|unalive my ?self|off my ?self|shoot my ?self) if i (?:have to|"
        r"gotta|need to|must) (?:\w+ ){0,2}(?:one more|another|1 more) (?!(?:\w+ )?(?:day|days|"
        r"night|nights|week|year|month|minute|second|hour)\b)(?:\w+ ){0,3}\w+",
        r"\b(?:jump off (?:a|the) (?:bridge|cliff|roof|building)|kms|kill my ?self|unalive my "
        r"?self)"
        r" over (?:these|those|this|that|my|the) (?:\w+ ){0,2}(?:merge conflicts?|conflicts?|bugs?|"
        r"tickets?|code|exams?|assignments?|deadlines?|spreadsheets?|emails?|timesheets?|reports?|"
        r"invoices?|taxes|tax return|homework|essays?)\b",
        r"\bmy (?:\w+ )?(?:plants?|houseplants?|succulents?|basil|tomatoes|seedlings|phone|laptop|"
        r"pc|computer|code|pipeline|build|tests?|server|car|battery|printer|wifi|router|app|bot|"
        r"sims?|tamagotchi|sourdough|starter) (?:\w+ )?(?:is|are|keeps?|seems?|seem) (?:all |so |"
        r"literally |basically |just |being )?(?:suicidal|committing suicide|trying to (?:kill|"
        r"off) (?:it|them)sel(?:f|ves))\b",
    )
)

FIGURATIVE = GatedPatterns.build(_FIGURATIVE_PATTERNS)

# Everyday travel talk ("im on the bridge, be home in 10 min"). It has no crisis word of its
# own: it explains away being at a place (a signal), never a crisis statement next to it
# ("staring at the train tracks on my way home and thinking about it").
PLACE_TALK = re.compile(
    r"\b(?:be|ill be|im|will be) (?:home|there|back) in (?:\d+|a few|ten|five|twenty|fifteen|"
    r"half an?)(?: (?:min|mins|minutes|hours?)\b|\s*[.!x]*$)|\bon my way (?:home|back|to "
    r"(?:work|school|class|the office))\b|\bstuck in traffic\b|"
    r"\bwhere (?:did|do|are) you (?:park|parked|at|now)\b|"
    r"\bwhich (?:level|floor) (?:are|did) you\b"
)

# Words that may stand between a negator and what it negates: "not really suicidal",
# "would never actually kill myself", "dont want to die", "never said i wanted to die".
_NEG_GAP = (
    r"(?:really|actually|ever|even|at all|i|im|am|be|feel|feeling|want|wanna|to|going|gonna|"
    r"planning|plan|intend|intending|trying|try|thinking|about|of|have|had|any|thoughts|thought|"
    r"would|will|so|that|do|like|seriously|say|said|saying|mean|meant|means|gonna|ever|"
    r"anything|currently|right|now|in|danger|at|risk|intention|desire|plans|going|it|is|was|"
    r"honestly|truly|suicidal|and|or|kill|hurt|harm|myself|urge|urges|a|way|in a|the|point|"
    r"tried|attempted|even once|once|in a million years|in my life|in a hundred years|"
    r"(?:depressed|sad|lonely|anxious|unsafe|crazy|unhappy|miserable|hopeless) (?:or|and|nor)|"
    r"wanting|wanted|felt|stage|where|been|ever been|id|having|got|talking|talk|referring|joking|"
    r"because|bc|cause|cos|hearing|voices|"
    r"telling|me)"
)
_NEGATED_BEFORE = re.compile(
    rf"\b(?:{NEG}|i no|no way|(?:no|zero|0) (?:more |real |actual |current )?(?:suicid\w+ |self "
    rf"harm "
    rf")?(?:thoughts|plans?|intention|"
    rf"intent|desire|"
    rf"urges?|wish|interest))(?: {_NEG_GAP}){{0,5}} ?$"
)
_NEGATED_AFTER = re.compile(
    r"^\s*(?:\?\s*(?:no|nope|never|nah|not at all)\b(?! (?:particular |real |specific )?reason)|"
    r"[.?!,]\s*(?:i (?:havent|have not|dont|do not|"
    r"wasnt|"
    r"am not)|im not)(?:\s*[,.!]|\s*$| (?:once|ever|at all))|\W*not once\b|(?:has |have )?never "
    r"(?:once )?"
    r"(?:crossed|entered|occurred to) my mind|(?:is|isnt|s) (?:not|never|no longer) "
    r"(?:an option|something i|on the table|for me)|isnt an option|no way|- no\b|never\b|"
    r"lol no\b(?! (?:im |i am |i m )?(?:not|aint) (?:even )?(?:joking|kidding)|,? but))"
)
_SELF_NEGATED = re.compile(
    r"(?:i|im|i am) (?:not|dont|do not|never|wont|will not|am not|havent|have not|didnt|did not)\b"
)
_ABUSE_NEGATED = re.compile(
    r"\b(?:has never|have never|never|hasnt|has not|havent|doesnt|does not|didnt|did not|wont|"
    r"would never|isnt|is not|not) (?:\w+ )?(?:hurt|hurts|hit|hits|touched|touch|beat|beats|abused|"
    r"abuse|harmed|laid a (?:hand|finger))\b"
)
# "no im not abused, my mom is strict but fair": a kind word after the contrast keeps the denial.
_BENIGN_CONTRAST = re.compile(
    r"\s*(?:(?!not |never |dont |isnt |wasnt )\w+ ){0,2}(?:fair|kind|loving|caring|nice|good|"
    r"supportive|great|lovely|ok|okay|fine)\b"
)
# "i dont cut anymore but i want to tonight": the denial does not hold.
_URGE_AFTER = re.compile(
    r"\b(?:but|though|yet|until|except)\b.{0,50}\b(?:want|wanna|urges?|tonight|again|today|might|"
    r"going to|gonna|itching|craving|relaps\w*)\b"
)
_FOREIGN_NEG_BEFORE = re.compile(
    r"\b(?:nao|no) (?:quero|quiero|vou|voy a|penso em|pienso en|tenho vontade de|tengo ganas de) ?$"
)
_BARE_NO = re.compile(r"^\s*no\s*$")
# "im not going to jump, i promise, but i am on the bridge": what follows the contrast stands.
CONTRAST = re.compile(r"\b(?:but|though|yet|except|however)\b")
# "never wanted to die more than i do right now", "i cant say im not thinking about ending it"
_NOT_A_DENIAL = re.compile(
    r"\bnever (?:\w+ ){0,4}more than (?:i do|now|today|tonight|ever|right now)\b|"
    r"\bnever (?:\w+ ){0,4}until\b|\bits not (?:like|that) (?:im|i am|i would|id|i)\b"
    r"(?![^.]{0,50}\bi (?:just|only) (?:want|need|wish)\b)|"
    r"\b(?:not (?:going to|gonna)|wouldnt|would not|wont|will not|dont|do not) (?:do it|kill "
    r"my ?self|end it) (?:because|cause|cos|for) (?:of )?(?:my|the)\b|"
    r"\bnot (?:gonna|going to|planning to|planning on) (?:\w+ ){1,3}(?:tonight|today|yet|right now|"
    r"this week)\b(?!.{0,20}\b(?:or ever|or any|ever|promise|dont worry|im fine|im safe|im ok)\b)|"
    r"\b(?:cant|cannot|can not|couldnt|wont|not going to) (?:say|promise|pretend|guarantee|swear) "
    r"(?:that )?(?:im|i am|i m|i) (?:not|never|dont|wont)\b"
)
_CLAUSE_BREAK = re.compile(r"[.;!?,]|" + CONTRAST.pattern)

JOKING = re.compile(
    r"\b(?:lol|just kidding|kidding|joking|jokes|not literally|figuratively|skull|haha|lmao|"
    r"lolz|xd|in (?:the|a) good way)\b|/(?:s|j|jk|lh)\b|🙄"
)
HISTORICAL = re.compile(
    r"\b(?:used to|years ago|a year ago|year ago|months ago|long time ago|when i was (?:like |"
    r"about |around )?(?:younger|"
    r"a teen|a teenager|a kid|little|a child|child|in (?:high |middle )?school|at uni|in college|"
    r"\d+|"
    r"fifteen|sixteen|seventeen|fourteen|thirteen)|back in (?:high school|school|college|uni|"
    r"the day|\d{4})|in the past|a few years back|as a (?:kid|child|teen|teenager)|growing up|"
    r"in (?:high|middle|med|medical|law|grad|nursing|art|primary|secondary) school|"
    r"when i was (?:a )?teen(?:ager)?|(?:it is|its) the past|throughout "
    r"my (?:childhood|teens|school years)|in my childhood|(?<!me )(?<!myself )(?<!be )(?<!by "
    r")(?<!til )(?<!to )at (?:1[0-9]|"
    r"20)\b(?! "
    r"?(?:[:.]\d|am\b|pm\b|oclock\b))|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a few|"
    r"several) (?:years|months)(?: now)?,? (?:(?:i am |im |been )(?=clean|sober))?(?:clean|sober|"
    r"free|ago)(?: of (?:self harm|cutting|sh))?"
    r"(?: (?:from|of) (?:self harm|cutting|sh|it))?(?: today)?|scars are (?:old|faded|fading|\d+ "
    r"years old|years old)|"
    r"(?:clean|sober|free) for (?:\d+|one|two|three|four|five|a few|many) (?:years?|months?)|"
    r"havent (?:\w+ ){0,4}(?:in|for|since) (?:years|months|a long time|ages|\d+ (?:years|months)|"
    r"\d{4})|back when|(?:doing|feeling|much|so much|a lot) better (?:now|these days)|"
    r"(?:im|i am|doing|feeling) (?:really |very |quite )?(?:well|good|fine|ok|okay) these days|"
    r"grew up (?:with|in|around)|last yr|(?:in|at) university|in uni|"
    r"recovered|in recovery|survivor|survived|past attempt|previous attempt|last year|in \d{4}|"
    r"when (?:we|i) (?:were|was) (?:kids?|small|little|young|children)|(?:\d+|a hundred|one "
    r"hundred) days (?:clean|since)|since i last (?:hurt|cut|self harmed)|scars are fading|"
    r"(?:was|since) (?:19|20)\d\d|(?:was|in) (?:freshman|sophomore|junior|senior) year|"
    r"(?<!my )(?<!the )last (?:winter|summer|spring|autumn|fall|christmas)|old scars|in my "
    r"(?:teens|20s|"
    r"30s|40s|twenties|thirties|forties)|im (?:[3-9]\d) now|"
    r"back then|those days|that time)\b"
)
PRESENT = re.compile(
    r"\b(?:urges?|it|they|thoughts|feelings?|temptation) (?:is|are|s|has|have) (?:\w+ )?"
    r"(?:back|returned)\b|\bits (?:\w+ )?(?:back|returned|coming back)\b|"
    r"\bnow i (?:cant|can not|dont|have no|feel)\b|\bnow (?:im|i am)\b(?! (?:\d+|thirty|forty|"
    r"fifty|sixty|an adult|a (?:mother|father|mum|mom|"
    r"dad|parent|grandparent)|married|older|grown|in my))|"
    r"\b(?:(?<!never )(?<!never did )(?<!never did it )(?<!not )(?<!never happened )again|right "
    r"now|tonight|today|lately|recently|these days|this week|currently|soon|"
    r"still(?! (?:have|has|see|get|show|visible|there|bother\w*|make|makes|remind\w*|itch\w*|here|"
    r"on|"
    r"kicking|alive|standing|going|breathing))|"
    r"starting to|coming back|came back|back again|relaps(?:e|ed|ing)|right now|rn|"
    r"can (?:i|you|u|a person|someone|a \d+ year old) (?:legally )?(?:buy|get|own|purchase))\b"
)


def figurative_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phrases that use crisis words figuratively ("this exam is killing me")."""
    patterns = FIGURATIVE.patterns
    return [
        (m.start(), m.end())
        for i in FIGURATIVE.candidates(text)
        for m in patterns[i].finditer(text)
    ]


def place_talk_spans(text: str) -> list[tuple[int, int]]:
    """Spans of everyday travel talk ("on my way home", "be there in 5")."""
    return [(m.start(), m.end()) for m in PLACE_TALK.finditer(text)]


def is_figurative(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(start < hit.end and hit.start < end for start, end in spans)


_NO_BEFORE = re.compile(r"\bno\s*$")
_PLAN_WORD = re.compile(
    r"(?:plans?|intent|intention|thoughts?|desire|urges?|wish|suicidal|self harm|thoughts of)\b"
)


def is_negated(text: str, hit: Hit) -> bool:
    """True when a negator governs this very hit: 'not suicidal', 'would never kill myself'."""
    if _NOT_A_DENIAL.search(text[max(0, hit.start - 40) : hit.end + 30]):
        return False
    if hit.rule.group == "self_harm" and _URGE_AFTER.search(text, hit.start):
        return False  # "havent self harmed since freshman year but the urge came back today"
    if hit.rule.group == "self_harm" and _SELF_NEGATED.match(text, hit.start):
        return True  # the pattern took the subject in: "im not self harming", "i dont cut"
    if hit.rule.group == "abuse" and _ABUSE_NEGATED.search(text, hit.start, hit.end):
        contrast = CONTRAST.search(text, hit.end)  # "my partner has never hurt me"
        return contrast is None or bool(_BENIGN_CONTRAST.match(text, contrast.end()))
    before = text[max(0, hit.start - 60) : hit.start]
    if _NO_BEFORE.search(before) and _PLAN_WORD.match(text, hit.start):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if _BARE_NO.match(before):
        return True  # "no self harm, no suicide thoughts, just need study tips"
    if _FOREIGN_NEG_BEFORE.search(before):
        return True  # "eu nao quero me matar, so estou estressado"
    if _NEGATED_BEFORE.search(before.rstrip() + " " if before.strip() else ""):
        return True
    return bool(_NEGATED_AFTER.match(text[hit.end : hit.end + 40]))


# A denial of a crisis the rules have no pattern for ("never in a million years would i end it"):
# it keeps the classifier from raising the message on the crisis words alone.
_DENIED_CRISIS = re.compile(
    rf"\b(?:{NEG}|no)(?: {_NEG_GAP}){{0,6}} (?:end it|end things|end (?:it all|my life)|"
    r"kill my ?self|"
    r"kms|take my (?:own )?life|hurt my ?self|harm my ?self|self harm|suicid\w*|die|be dead|do "
    r"(?:anything|something) (?:stupid|silly|drastic|to my ?self)|go through with "
    r"(?:it|anything))\b"
)


_UNSURE_BEFORE = re.compile(
    r"\b(?:(?:cant|cannot|can not|wont|not going to|dont|couldnt) (?:promise|guarantee|say|swear|"
    r"be sure)|not sure|unsure|dont know if|idk if|no idea if|might|maybe|hope|hoping|trying|try)"
    r"\b(?: \w+){0,3} ?$"
)


_SHIFT_AFTER = re.compile(
    r"\b(?:tomorrow|tmrw|later|next week|at the weekend|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|when (?:the|everyone|they|nobody|no one)|once (?:the|everyone|they)|"
    r"i said|im going to|i am going to|i will|ill do|just not)\b|"
    # "i promised i wouldnt hurt myself but i bought razors today"
    r"\b(?:but|though|yet|however)\b.{0,50}\b(?:razors?|blades?|pills|tablets|rope|noose|gun|knife|"
    r"bridge|cliff|tracks|bleach|overdose)\b"
)
# A means named after a contrast: the denial before it does not keep the classifier down.
_CONTRAST_MEANS = re.compile(
    r"\b(?:but|though|yet|however)\b.{0,50}\b(?:razors?|blades?|pills|tablets|rope|noose|gun|knife|"
    r"bridge|cliff|tracks|bleach|overdose)\b"
)


def means_after_contrast(text: str) -> bool:
    """ "...wouldnt hurt myself but i bought razors": a means named after a contrast."""
    return bool(_CONTRAST_MEANS.search(text))


def denies_crisis(text: str) -> bool:
    """A negator governs a crisis phrase somewhere in the message ("cant promise i wont..." is
    not a denial)."""
    return any(
        not _UNSURE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        and not _SHIFT_AFTER.search(text, m.end(), m.end() + 60)
        for m in _DENIED_CRISIS.finditer(text)
    )


_SERIOUS = re.compile(
    r"\b(?:not|no|im not|aint) (?:even )?(?:joking|kidding|a joke)\b|\bno joke\b|\bim serious\b|"
    r"\b(?:anymore|any more|to be honest)\b|\b(?:no|but) (?:like )?actually\b|\bbut (?:fr|for "
    r"real)\b|"
    r"\bfor real\b|\bseriously\b|\bi mean it\b|\bnot (?:like )?(?:a|the) (?:hotel|puzzle|fun|"
    r"pension|game|video game)(?: kind| type| one)?\b|\bngl\b|\bnot (?:gonna|going to) lie\b|\bno "
    r"cap\b"
)


def is_joking(text: str) -> bool:
    """A joking marker ("lol", "jk") with no "I'm serious", "not joking", "for real"."""
    return bool(JOKING.search(text)) and not _SERIOUS.search(text)


_RECOVERED = re.compile(
    r"\b(?:(?:doing|feeling|am|im) (?:really |much |so much |a lot )?(?:well|better|good|fine|ok|"
    r"okay) (?:now|these days|today)|in a (?:good|better) place|healed|moved on|at peace with it|"
    r"(?:done|had|did|went to) (?:a lot of |lots of |years of |heaps of |loads of |tons of |plenty "
    r"of )?therapy|done the work|(?:its|it s|were) (?:ok|okay|fine|good|alright) now|worked "
    r"through "
    r"(?:it|that|this|all that)|(?:now )?we (?:are|re|were) (?:ok|okay|fine|good|alright|close)|"
    r"get on (?:fine|well|great|ok) now|(?:i )?(?:forgive|forgave) "
    r"(?:her|him|them)|"
    r"made (?:my )?peace|(?:im|i am) alright now|(?:doesnt|does not|no longer) (?:runs?|controls?|"
    r"defines?|rules?) my life|(?:way |long |well )?behind me|therapy "
    r"helped|helped a lot)\b"
)


def is_recovered(text: str) -> bool:
    """A past story told as dealt with: "I was abused as a kid, I'm doing well now"."""
    return bool(_RECOVERED.search(text))


# Risk told in the past tense, then how the person is now: "i was suicidal after my first baby
# was born, got help, im doing better", "i tried to kill myself at 15. im 28 now".
_PAST_RISK = re.compile(
    r"\b(?:(?:was|were|got|felt|became) (?:\w+ )?suicidal|had (?:\w+ )?suicidal (?:thoughts|"
    r"feelings|ideation)|(?:tried|attempted) (?:to )?(?:kill|end|take)|attempted suicide|"
    r"overdosed once|wanted (?:to )?die then)\b"
)
# What is said of the present after past risk: a recovered story, and a few plainer forms.
_RECOVERY_NOW = re.compile(
    _RECOVERED.pattern
    + r"|\b(?:now (?:im|i am) (?:ok|okay|safe|fine|good|well|better)|(?:im|i am) "
    r"(?:mostly )?safe now|(?:im|i am) doing (?:much |a lot |so much )?better|got (?:some )?help|"
    r"got me through(?: it)?|(?:im|i am) [1-9]\d now|its been (?:\d+|a few|many|several|two|"
    r"three|four|five|six|seven|eight|nine|ten) years)\b"
)
_RECENT = re.compile(
    r"\b(?:yesterday|last night|this morning|earlier today|just now|an hour ago|(?:\d+|a few|two|"
    r"three) (?:hours|days) ago|this week|last week)\b"
)


def is_historical(text: str) -> bool:
    """A story about the past with nothing that pulls it into the present."""
    spans = [(m.start(), m.end()) for m in HISTORICAL.finditer(text)]
    if _PAST_RISK.search(text) and not _RECENT.search(text):
        spans += [(m.start(), m.end()) for m in _RECOVERY_NOW.finditer(text)]
    if not spans:
        return False
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    return not PRESENT.search("".join(masked))
