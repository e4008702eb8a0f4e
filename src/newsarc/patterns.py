"""Every pattern the cleaner and metadata reader use, compiled once at import."""
import re

H = "가-힣"
NAME = rf"[{H}]{{2,4}}"

# --- dates -------------------------------------------------------------------------------
DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*[/|,(]?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{2})"
    r"(?:\s*[:분]\s*(?P<S>\d{2}))?)?"
)
SHORT_DATE = re.compile(r"(?<!\d)(?P<y>\d{2})[.\-/](?P<m>\d{2})[.\-/](?P<d>\d{2})(?!\d)")
LABEL_PUBLISHED = re.compile(
    r"(기사\s*입력|입력|승인|등록|게재|발행|작성|송고|보도|Published|published|posted)\s*(?:일|일시|시간)?\s*[:：]?\s*$"
)
LABEL_UPDATED = re.compile(
    r"(최종\s*수정|기사\s*수정|수정|업데이트|갱신|Updated|updated|modified)\s*(?:일|일시|시간)?\s*[:：]?\s*$"
)
SITE_STAMP = re.compile(r"최종\s*편집|최종\s*업데이트\s*:\s*\d{4}.*\([월화수목금토일]\)|오늘의\s*날짜|Today")
# What a header date line holds besides its dates: labels, counts, numbers, separators.
DATELINE_FILLER = re.compile(r"(기사\s*입력|입력|승인|등록|게재|발행|작성|송고|최종\s*수정|수정|업데이트|의견|댓글|조회|"
                             r"\d+|[|:·•/,()\[\]]|\s)")

# --- reporters ---------------------------------------------------------------------------
# A byline ends with one of these words: a line without any of them names no reporter.
REPORTER_TITLES = ("기자", "특파원", "통신원")
REPORTER_TITLE = re.compile("|".join(REPORTER_TITLES))
REPORTER_SUFFIX = (r"(?:\s*(?:선임|수석|전문|객원|수습|인턴|대기자|편집위원|논설위원))?\s*"
                   rf"(?:{'|'.join(REPORTER_TITLES)})")
REPORTER = re.compile(rf"(?<![{H}])(?P<names>{NAME}(?:\s*[·,ㆍ]\s*{NAME})*){REPORTER_SUFFIX}(?![{H}])")
DATELINE = re.compile(
    rf"^\s*[\[(]\s*(?:(?P<place>[{H}]{{1,6}})\s*=\s*)?(?P<outlet>[^\[\]()=]{{2,20}}?)\s*[=\s]\s*"
    rf"(?P<names>{NAME}(?:\s*[·,ㆍ]\s*{NAME})*){REPORTER_SUFFIX}\s*[\])]"
)
# Yonhap style: (서울=연합뉴스) 홍길동 기자 =
AGENCY_DATELINE = re.compile(
    rf"^\s*[(\[](?P<place>[{H}A-Za-z ]{{1,12}})\s*=\s*(?P<outlet>[^)\]=]{{2,15}})[)\]]\s*"
    rf"(?:(?P<names>{NAME}(?:\s*[·,ㆍ]\s*{NAME})*){REPORTER_SUFFIX})?"
)
TRAILING_BYLINE = re.compile(
    rf"[\[(]\s*(?P<outlet>[^\[\]()=]{{2,20}}?)\s*[=\s]\s*(?P<names>{NAME}(?:\s*[·,ㆍ]\s*{NAME})*){REPORTER_SUFFIX}\s*[\])]\s*$"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s<>\"')\]]+")
# A line that only names the source URL: `출처: https://...`, `기사 원문 https://...`.
SOURCE_URL_LINE = re.compile(r"(?:출처|원문|기사\s*원문|원문\s*보기|source)\s*[:：]?\s*https?://\S+", re.I)

# --- outlet --------------------------------------------------------------------------------
COPYRIGHT = re.compile(
    r"(?:저작권자\s*)?(?:[ⓒ©]|\(c\)|\(C\)|Copyright\s*(?:[ⓒ©]|\(c\))?)\s*(?:\d{4}\s*)?"
    rf"(?:<[^>]*>\s*)?(?:['‘\"“][^'’\"”]{{1,40}}['’\"”]\s*)?(?:by\s+)?(?P<outlet>[{H}A-Za-z0-9][{H}A-Za-z0-9.&\- ]{{1,30}}?)"
    r"(?=\s*(?:[,.|:(]|\s무단|무단|All\s|all\s|$|\s*\.\s|\s+\d{4}|\s*www|\s*https?:))"
)

# --- chrome --------------------------------------------------------------------------------
# Lines that end the article: footers, comments, related and popular lists, board listings.
END_MARKERS = re.compile(
    r"^(?:저작권자|Copyright|COPYRIGHT|copyright|[ⓒ©]|무단\s*전재|.*무단\s*(?:전재|복제|배포).*금지|"
    r"<?저작권자|"
    r"이\s*기사의?\s*댓글|댓글\s*\d+\s*개?$|댓글\s*(?:쓰기|작성|보기|더\s*보기|삭제|\(\d+\))|전체\s*댓글|"
    r"이\s*기사는\s*꼭|이\s*기사를\s*추천|많이\s*본\s*(?:뉴스|기사)|인기\s*기사|추천\s*기사|"
    r"주요\s*뉴스|오늘의\s*(?:주요|인기)|실시간\s*(?:인기|뉴스|급상승)|핫\s*이슈|"
    r"댓글\s*[•·:]?\s*[\[(]\s*\d+\s*[\])]|(?:이\s*)?기자의\s*다른\s*기사|기자\s*(?:구독|응원)|.*기자의\s*(?:기사|다른)|"
    r"번호\s+(?:카테고리\s+)?제목|목록\s*(?:스크랩|\||$)|목록으로|이전\s*글|다음\s*글|"
    r"관련\s*(?:태그|키워드)|태그\s*[:#]|#\S+\s+#\S+|"
    r"기사\s*제보|제보하기|독자\s*의견|의견\s*쓰기|좋아요\s*\d|"
    r"Copyrights?\b|All\s+rights\s+reserved|ⓒ\s*\S+|Most\s+(?:Popular|Read|Viewed)$|Related\s+(?:Articles|News|Stories)$)",
    re.I,
)
# Short lines that are page furniture wherever they stand.
CHROME_LINE = re.compile(
    r"^(?:메뉴(?:\s*건너뛰기)?|본문\s*바로가기|검색|로그인|로그아웃|회원가입|구독(?:하기|신청)?|"
    r"공유(?:하기)?|스크랩|프린트|인쇄|닫기|Close|X|×|이전|다음|더보기|펼치기|접기|"
    r"기사\s*제보|구독신청|이\s*기사를\s*공유합니다|페이스북|트위터|카카오톡|카카오스토리|네이버\s*블로그|"
    r"URL\s*복사|링크\s*복사|글씨\s*(?:크기|키우기|줄이기)|가+|폰트|본문\s*듣기|음성으로\s*듣기|"
    r"기사\s*(?:원문|저장|공유|듣기)|원문\s*보기|좋아요|싫어요|추천|비추천|신고|"
    r"댓글(?:\s*\d+)?|의견(?:\s*\d+)?|조회(?:수)?\s*[\d,]*|"
    r"전체\s*메뉴|뉴스\s*홈|홈|TOP|top|맨\s*위로|위로|Share|SNS|SNS\s*(?:보내기|공유)|번역(?:\s*설정)?|"
    r"(?:본문\s*)?요약(?:봇)?|텍스트\s*음성\s*변환.*|글(?:자|씨)\s*크기.*|인쇄(?:하기)?|기사\s*원문|"
    r"언론사\s*(?:구독|홈|페이지)|구독\s*(?:하기|중|취소)|다른\s*기사\s*보기|기사\s*섹션\s*분류\s*안내|"
    r"(?:동영상|영상|본문|광고)\s*영역\s*(?:시작|끝)|주소\s*복사|(?:Font|Text)\s*size|Print|Search|Menu|"
    r"[|·•\-–—=_*]+)$",
    re.I,
)
# Weather and air-quality widgets.
WEATHER = re.compile(r"℃|°C|미세먼지|초미세|강수\s*확률|(?:^|\s)(?:맑음|흐림|구름\s*많음|비|눈)$")
CHROME_WORDS = re.compile(
    r"댓글|로그인|구독|공유하기|스크랩|기사제보|추천기사|인기기사|관련기사|무단\s*전재|재배포|"
    r"저작권|계정인증|회원가입|바로가기|많이\s*본|Copyright|ⓒ"
)
RELATED_MARKER = re.compile(r"^(?:\[?\s*관련\s*(?:기사|뉴스)\s*\]?|함께\s*(?:보면\s*좋은|볼만한)\s*(?:기사|뉴스)|다른\s*기사\s*보기)\s*[:：]?$")
COUNTS_LINE = re.compile(r"^[\d,.]+(?:\s+[\d,.]+)+$|^(?:조회|추천|댓글|공감)\s*(?:수)?\s*[:：]?\s*[\d,]+")
LISTING_ROW = re.compile(
    r"^\d{3,}\s+\S|(?:\d{1,2}:\d{2}|\d{2}\.\d{2}\.\d{2}|\d{2}\.\d{2})\s+[\d,]+\s*$|\s\d{1,4}\s+\d{2}\.\d{2}\.\d{2}\s+[\d,]+$"
)
LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]\s+|[•◦▪▶▷►·\-–]\s+|\[\d+\]\s*)")
BULLET_MARKS = ("•", "◦", "▪", "‣")
BULLET = re.compile(rf"^\s*[{''.join(BULLET_MARKS)}]\s*")
CAPTION = re.compile(
    r"(?:[(\[<]\s*(?:사진|자료|그래픽|이미지|출처|사진제공|제공|캡처|캡쳐|영상|화면)\s*[=:/]?[^)\]>]{0,40}[)\]>]\s*$)"
    r"|(?:[(\[<][^)\]>]{0,25}(?:자료\s*사진|사진\s*제공|제공|DB|캡처|캡쳐|그래픽|연합뉴스|뉴시스|뉴스1)\s*[)\]>]\s*$)"
    r"|(?:/\s*(?:사진|자료|그래픽)\s*=\s*\S.{0,30}$)"
    r"|^\s*[(\[<]?\s*(?:사진|자료|그래픽|이미지)\s*[=:]"
    # `... 하고 있다. 사진=홍길동 기자`, `... 전경. /회사명`, `/사진 제공=회사`
    r"|(?:[.다]\s+|/\s*)(?:사진|자료|그래픽|영상)(?:\s*제공)?\s*=\s*[^=]{1,30}$"
    r"|\.\s*/\s*[^\s/][^/]{0,20}$|\.\s+[^\s.]{1,12}\s?(?:DB|자료\s*사진|제공)$"
    # agency photos end with the date and the photographer: `... 있다. 2024.05.02. hong@agency.com`
    r"|[.다]\s+(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?(?:\s*/\s*\S+)?(?:\s*[ⓒ©].{0,30}|\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*$"
)
# Every CAPTION match needs one of these marks in the line, or ends it with one of CAPTION_ENDS or with a
# date's digit (`2024.05.02`, `2024.05.02.`): a cheap test that rules out most body paragraphs. Keep in step.
CAPTION_MARK = re.compile(r"[=:/@ⓒ©]")
CAPTION_ENDS = (")", "]", ">", "DB", "사진", "제공")
SENTENCE_END = re.compile(r"(?:다|요|죠|까|니다|음|함|임|됨)\s*[.!?…]*\s*[\"”’'」』)\]]*\s*(?:\[[^\]]{2,30}\])?\s*$|[.!?。]\s*[\"”’'」』)]*\s*$")
SENTENCE_INSIDE = re.compile(r"(?:다|요)\.\s")
BOARD_PREFIX = re.compile(r"^(?:기사\s*/\s*뉴스|뉴스\s*/\s*기사|기사|뉴스|이슈|정보|유머|잡담|자유|일반|속보|핫이슈)\s+(?=\S)")
SITE_PREFIX = re.compile(r"^([^-|:–—]{2,30}?)\s*(?:::|[|:–—]|\s-)\s+")
SITE_SUFFIX = re.compile(r"\s+(?:[-|:–—]|::)\s+[^-|:–—]{2,30}$")
HANGUL = re.compile(rf"[{H}]")
HANGUL_RUN = re.compile(rf"[{H}]+")  # counting runs is cheaper than counting syllables one by one
# English-language editions: a running-text line, and a `By Name Surname` byline.
LATIN_SENTENCE = re.compile(r"^[\"“‘'(A-Z0-9].{58,}[a-z0-9%)][.!?][\"”’')]?$")
LATIN = re.compile(r"[A-Za-z]")
_EN_NAME = r"[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){1,3}"
EN_BYLINE = re.compile(rf"^By\s+(?P<names>{_EN_NAME}(?:\s*(?:,|and)\s*{_EN_NAME})*)\s*(?:\([^)]*@[^)]*\)|[\w.+-]+@[\w.-]+)?$")
# Portals and aggregators: their name is not the outlet of the article they show.
PORTALS = re.compile(r"^(?:네이버|네이버\s*뉴스|naver|naver\s*news|다음|다음\s*뉴스|daum|daum\s*news|"
                     r"네이트|네이트\s*뉴스|nate|nate\s*news|줌|zum|zum\s*뉴스|구글\s*뉴스|google\s*news|"
                     r"msn|카카오|kakao|v\.daum)$", re.I)
# Breadcrumbs: `홈 > 경제 > 유통`.
BREADCRUMB = re.compile(r"^[^\s>›»]{1,12}(?:\s*[>›»]\s*[^\s>›»]{1,12}){1,5}$")
# Menus: three or more short items between pipes (`새소식 | 알뜰구매 | 팁과강좌`).
MENU_LINE = re.compile(r"^[^|]{1,12}(?:\s*\|\s*[^|]{1,12}){2,}$")
# A board category in brackets before a reposted title: `[기사/뉴스] 제목`, `[펌] 제목`.
BOARD_CATEGORY = re.compile(r"^\s*\[\s*(?:기사\s*/\s*뉴스|뉴스\s*/\s*기사|기사|뉴스|이슈|정보|유머|잡담|자유|일반|기타|펌|"
                            r"스포츠|연예|경제|사회|정치|IT|핫이슈)\s*\]\s*(?=\S)")
# Portal and paywall notices written as sentences: automatic summaries, section notes, first-run notes.
CHROME_SENTENCE = re.compile(
    r"자동\s*요약|주요\s*문장을\s*기반으로|본문\s*보기를\s*권장|섹션으로\s*분류(?:했|하였)습니다|"
    r"언론사에서\s*선정하며|기사\s*추천은\s*\d+\s*시간|(?:표출|게재|출고|송고|공개)된\s*기사입니다"
)
# A broadcast report's sign-off: `KBS 뉴스 홍길동입니다.`, `MBC뉴스 홍길동입니다.`
SIGNOFF = re.compile(rf"^(?P<outlet>[A-Za-z0-9{H}]{{2,12}}(?:\s?(?:뉴스|NEWS|News|TV))?)\s(?P<name>{NAME})(?:\s기자)?입니다\.?$")
# A source line naming the original outlet: `출처 : 한국경제`, `기사 출처: 연합뉴스`.
SOURCE_LINE = re.compile(r"^(?:기사\s*)?(?:출처|원문\s*출처|source)\s*[:：]\s*(?P<name>[^:：/]{2,30}?)\s*(?:https?://\S+)?$", re.I)
