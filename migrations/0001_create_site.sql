-- The site's shell: languages, the expo's key facts and the navigation menu.
-- Text a visitor reads lives in *_i18n / *_labels tables keyed by language, so
-- a third language is new rows, never a new column.

-- +goose Up
CREATE TABLE languages (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    native_name text NOT NULL CHECK (native_name <> ''),
    position    int  NOT NULL DEFAULT 0
);

INSERT INTO languages (code, native_name, position) VALUES
    ('zh', '中文', 1),
    ('en', 'English', 2);

-- One row: the expo's language-neutral facts.
CREATE TABLE site_settings (
    id                  boolean PRIMARY KEY DEFAULT true CHECK (id),
    opens_at            timestamptz NOT NULL,
    closes_at           timestamptz NOT NULL,
    time_zone           text NOT NULL DEFAULT 'Asia/Shanghai',
    hotline             text NOT NULL DEFAULT '',
    fax                 text NOT NULL DEFAULT '',
    email               text NOT NULL DEFAULT '',
    copyright_since     int  NOT NULL DEFAULT 2006 CHECK (copyright_since BETWEEN 1900 AND 2200),
    visitor_count_start bigint NOT NULL DEFAULT 0 CHECK (visitor_count_start >= 0),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at >= opens_at)
);

-- The same facts in words, one row per language.
CREATE TABLE site_settings_i18n (
    lang       text PRIMARY KEY REFERENCES languages (code),
    expo_name  text NOT NULL CHECK (expo_name <> ''),
    venue      text NOT NULL DEFAULT '',
    hall       text NOT NULL DEFAULT '',
    address    text NOT NULL DEFAULT '',
    organisers text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The menu: sections (parent_key NULL) and their pages. path is what follows
-- /{lang}; a section without its own page links to its first child.
CREATE TABLE nav_items (
    key        text PRIMARY KEY,
    parent_key text REFERENCES nav_items (key),
    path       text UNIQUE CHECK (path LIKE '/%'),
    position   int  NOT NULL,
    CHECK (parent_key IS NULL OR path IS NOT NULL)
);

CREATE TABLE nav_labels (
    nav_key text NOT NULL REFERENCES nav_items (key) ON DELETE CASCADE,
    lang    text NOT NULL REFERENCES languages (code),
    label   text NOT NULL CHECK (label <> ''),
    PRIMARY KEY (nav_key, lang)
);

INSERT INTO nav_items (key, parent_key, path, position) VALUES
    ('home',     NULL, '/',       1),
    ('about',    NULL, NULL,      2),
    ('exhibit',  NULL, NULL,      3),
    ('services', NULL, NULL,      4),
    ('news',     NULL, '/news/',  5),
    ('about.overview',     'about', '/about/overview',     1),
    ('about.scope',        'about', '/about/scope',        2),
    ('about.hall',         'about', '/about/hall',         3),
    ('about.review',       'about', '/about/review',       4),
    ('about.highlights',   'about', '/about/highlights',   5),
    ('about.organization', 'about', '/about/organization', 6),
    ('exhibit.apply',      'exhibit', '/exhibit/apply',    1),
    ('exhibit.why',        'exhibit', '/exhibit/why',      2),
    ('exhibit.process',    'exhibit', '/exhibit/process',  3),
    ('exhibit.exhibits',   'exhibit', '/exhibit/exhibits', 4),
    ('exhibit.exhibitors', 'exhibit', '/exhibitors/',      5),
    ('exhibit.schedule',   'exhibit', '/exhibit/schedule', 6),
    ('exhibit.charges',    'exhibit', '/exhibit/charges',  7),
    ('exhibit.register',   'exhibit', '/register',         8),
    ('services.traffic',   'services', '/services/traffic', 1),
    ('services.hotels',    'services', '/services/hotels',  2),
    ('services.travel',    'services', '/services/travel',  3),
    ('services.dining',    'services', '/services/dining',  4),
    ('news.expo',          'news', '/news/expo/',     1),
    ('news.industry',      'news', '/news/industry/', 2),
    ('news.media',         'news', '/news/media/',    3),
    ('news.video',         'news', '/news/video/',    4),
    ('news.photo',         'news', '/news/photo/',    5);

INSERT INTO nav_labels (nav_key, lang, label) VALUES
    ('home', 'zh', '首页'), ('home', 'en', 'Home'),
    ('about', 'zh', '展会介绍'), ('about', 'en', 'About the expo'),
    ('exhibit', 'zh', '展商中心'), ('exhibit', 'en', 'Exhibition centre'),
    ('services', 'zh', '商务服务'), ('services', 'en', 'Business services'),
    ('news', 'zh', '新闻中心'), ('news', 'en', 'News centre'),
    ('about.overview', 'zh', '展会概况'), ('about.overview', 'en', 'Exhibition overview'),
    ('about.scope', 'zh', '展示范围'), ('about.scope', 'en', 'Display scope'),
    ('about.hall', 'zh', '展馆介绍'), ('about.hall', 'en', 'Exhibition hall'),
    ('about.review', 'zh', '往届回顾'), ('about.review', 'en', 'Past review'),
    ('about.highlights', 'zh', '展会亮点'), ('about.highlights', 'en', 'Expo highlights'),
    ('about.organization', 'zh', '组织机构'), ('about.organization', 'en', 'Organisation'),
    ('exhibit.apply', 'zh', '展位申请'), ('exhibit.apply', 'en', 'Booth application'),
    ('exhibit.why', 'zh', '为何参展'), ('exhibit.why', 'en', 'Why exhibit'),
    ('exhibit.process', 'zh', '参展流程'), ('exhibit.process', 'en', 'Exhibiting process'),
    ('exhibit.exhibits', 'zh', '展品范围'), ('exhibit.exhibits', 'en', 'Exhibits'),
    ('exhibit.exhibitors', 'zh', '展商名录'), ('exhibit.exhibitors', 'en', 'Exhibitor directory'),
    ('exhibit.schedule', 'zh', '日程安排'), ('exhibit.schedule', 'en', 'Schedule'),
    ('exhibit.charges', 'zh', '收费标准'), ('exhibit.charges', 'en', 'Charges'),
    ('exhibit.register', 'zh', '观众预登记'), ('exhibit.register', 'en', 'Visitor registration'),
    ('services.traffic', 'zh', '沈阳交通'), ('services.traffic', 'en', 'Getting to Shenyang'),
    ('services.hotels', 'zh', '酒店预订'), ('services.hotels', 'en', 'Hotels'),
    ('services.travel', 'zh', '旅游服务'), ('services.travel', 'en', 'Travel services'),
    ('services.dining', 'zh', '周边餐饮'), ('services.dining', 'en', 'Dining nearby'),
    ('news.expo', 'zh', '展会新闻'), ('news.expo', 'en', 'Expo news'),
    ('news.industry', 'zh', '行业资讯'), ('news.industry', 'en', 'Industry news'),
    ('news.media', 'zh', '媒体报道'), ('news.media', 'en', 'Media coverage'),
    ('news.video', 'zh', '精彩视频'), ('news.video', 'en', 'Videos'),
    ('news.photo', 'zh', '图文报道'), ('news.photo', 'en', 'Photo stories');
