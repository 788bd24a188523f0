"""What scripts/build_context.py keeps, and what it calls it: the water bodies with the labelled points
that name Natural Earth's unnamed geometry, the GeoNames places with their rank, and the neighbours.

Curated by hand; every name and point here cites a row of data/sources.csv (see WATER's last field).
"""

SOURCE_GN = "geonames-cities"

# name_en, name_ru, name_kk, name_zh, kind, label tier (1 any size … 4 zoomed far in; see
# kzcn/figures/context.py),
# labelled points (lon, lat) that claim geometries (the first is where the label goes), sources.
# Names in other languages are the usual ones, as the cited articles' language versions title them
# (written here by hand, not fetched); blank where this build had no reliable form.
WATER = [
    ("Caspian Sea", "Каспийское море", "Каспий теңізі", "里海", "sea", 2, [(50.6, 42.2)], "wiki-caspian"),
    ("Aral Sea", "Аральское море", "Арал теңізі", "咸海", "lake", 2, [(59.6, 45.7)], "wiki-aral"),
    ("Lake Balkhash", "Балхаш", "Балқаш көлі", "巴尔喀什湖", "lake", 2, [(74.6, 46.25)], "wiki-balkhash"),
    ("Issyk-Kul", "Иссык-Куль", "Ыстықкөл", "伊塞克湖", "lake", 3, [(77.3, 42.45)], "wiki-issyk-kul"),
    ("Lake Zaysan", "Зайсан", "Зайсан көлі", "斋桑泊", "lake", 2, [(84.0, 48.0)], "wiki-zaysan"),
    ("Alakol", "Алаколь", "Алакөл", "阿拉湖", "lake", 3, [(81.75, 46.1)], "wiki-alakol"),
    ("Bosten Lake", "Баграшкёль", "", "博斯腾湖", "lake", 4, [(87.05, 41.97)], "wiki-bosten"),
    ("Irtysh", "Иртыш", "Ертіс", "额尔齐斯河", "river", 2,
     [(77.6, 51.9), (73.4, 55.0), (83.8, 48.9)], "wiki-irtysh"),
    ("Black Irtysh", "Чёрный Иртыш", "Қара Ертіс", "额尔齐斯河", "river", 4,
     [(88.0, 47.3), (86.9, 47.7)], "wiki-irtysh"),
    ("Syr Darya", "Сырдарья", "Сырдария", "锡尔河", "river", 3,
     [(66.4, 44.4), (65.0, 44.7), (68.3, 41.4), (62.3, 46.0), (70.9, 40.9), (63.4, 45.55)], "wiki-syr-darya"),
    ("Amu Darya", "Амударья", "Әмудария", "阿姆河", "river", 3,
     [(63.6, 39.1), (61.2, 41.2), (65.2, 38.4)], "wiki-amu-darya"),
    ("Ural", "Урал", "Жайық", "乌拉尔河", "river", 2, [(51.4, 50.2), (51.9, 47.3), (58.5, 51.2)], "wiki-ural"),
    ("Tobol", "Тобол", "Тобыл", "托博尔河", "river", 3, [(63.6, 53.2)], "wiki-tobol"),
    ("Ob", "Обь", "Обь", "鄂毕河", "river", 3, [(83.6, 53.5), (82.9, 55.0)], "wiki-ob"),
    ("Volga", "Волга", "Еділ", "伏尔加河", "river", 2, [(47.3, 47.2), (44.6, 48.6)], "wiki-volga"),
    ("Naryn", "Нарын", "Нарын", "纳伦河", "river", 4, [(75.5, 41.5), (73.0, 41.75)], "wiki-naryn"),
    ("Tarim", "Тарим", "", "塔里木河", "river", 3, [(84.0, 41.1), (87.8, 40.9)], "wiki-tarim"),
]
# Rivers Natural Earth 1:50m (as packaged) does not hold: a label at a point on the river, no line.
# Ili: between Ghulja (on its north bank) and Qapqal (on its south side), per the cited article and
# GeoNames' positions of the two towns.
LABEL_ONLY = [
    ("Ili", "Или", "Іле", "伊犁河", "river", 4, (81.23, 43.87), f"{SOURCE_GN};wiki-ili"),
    # Chu: at the town of Shu, which lies on the river (cited page), at GeoNames' position of the town.
    ("Chu", "Чу", "Шу", "楚河", "river", 3, (73.7622, 43.6051), f"{SOURCE_GN};chu-shu-town;wiki-chu"),
]

# GeoNames id -> (rank, overrides). Rank 1: national capital or the two regional metropolises
# (Almaty, Ürümqi); 2: city of note (Kazakh oblast centres, Xinjiang prefecture seats, large cities
# near the border); 3: town (crossings, pipeline and rail junctions a briefing scene names).
# Overrides: `name` is the English spelling this dashboard uses where GeoNames' main name is a suburb,
# an old form or a transliteration the data tables do not use (GeoNames' own stays in geonames_name);
# a Russian, Kazakh or Chinese override must be one of the place's own GeoNames names (checked below).
PLACES: dict[int, tuple[int, dict]] = {
    1526273: (1, {"name_kk": "Астана"}),                # Astana (GeoNames' closest: Нұр-Сұлтан, 2019–22)
    1526384: (1, {}),                                   # Almaty
    1529102: (1, {"name_kk": "Үрімжі"}),                # Ürümqi
    1528675: (1, {}),                                   # Bishkek
    1512569: (1, {}),                                   # Tashkent
    1221874: (1, {}),                                   # Dushanbe
    162183: (1, {}),                                    # Ashgabat
    1518980: (2, {}),                                   # Shymkent
    610611: (2, {}),                                    # Aktobe
    609655: (2, {"name": "Karaganda"}),
    1516905: (2, {}),                                   # Taraz
    1519922: (2, {}),                                   # Kyzylorda
    608668: (2, {"name_ru": "Уральск", "name_zh": ""}),  # Oral (GeoNames' 烏拉爾 is the river's name)
    1520240: (2, {}),                                   # Pavlodar
    1520316: (2, {"name": "Oskemen", "name_ru": "Усть-Каменогорск"}),
    1519422: (2, {}),                                   # Semey
    610529: (2, {}),                                    # Atyrau
    1517945: (2, {}),                                   # Turkistan
    1519928: (2, {}),                                   # Kostanay
    1520172: (2, {"name_ru": "Петропавловск"}),          # Petropavl
    1522203: (2, {}),                                   # Kokshetau
    610612: (2, {}),                                    # Aktau
    1518542: (2, {}),                                   # Taldykorgan
    1516589: (2, {"name": "Zhezkazgan"}),
    1280849: (2, {}),                                   # Kashgar
    1529435: (2, {"name": "Yining (Ghulja)", "name_zh": "伊宁"}),
    1529401: (2, {}),                                   # Karamay
    1529376: (2, {}),                                   # Korla
    1529660: (2, {"name": "Aksu"}),
    1281019: (2, {"name": "Hotan", "name_zh": "和田"}),
    1529484: (2, {}),                                   # Hami
    1529114: (2, {}),                                   # Turpan
    1529195: (2, {}),                                   # Shihezi
    8521718: (2, {}),                                   # Bole
    1529167: (2, {}),                                   # Tacheng
    1529651: (2, {"name": "Altay", "name_zh": "阿勒泰"}),
    1496747: (2, {}),                                   # Novosibirsk
    1496153: (2, {}),                                   # Omsk
    1510853: (2, {}),                                   # Barnaul
    515003: (2, {}),                                    # Orenburg
    1508291: (2, {}),                                   # Chelyabinsk
    580497: (2, {}),                                    # Astrakhan
    499099: (2, {}),                                    # Samara
    472757: (2, {}),                                    # Volgograd
    1216265: (2, {}),                                   # Samarkand
    1527534: (2, {}),                                   # Osh
    601294: (2, {}),                                    # Nukus
    1514879: (2, {}),                                   # Khujand
    1501321: (2, {}),                                   # Kurgan
    514734: (2, {}),                                    # Orsk
    1493467: (3, {}),                                   # Rubtsovsk
    1515436: (3, {}),                                   # Ölgii
    1516048: (3, {}),                                   # Khovd
    1528121: (3, {}),                                   # Karakol
    1520253: (3, {}),                                   # Zharkent
    1522684: (3, {}),                                   # Khorgos (Kazakh side)
    1529377: (3, {"id": "horgos-cn", "name": "Horgos", "name_zh": "霍尔果斯"}),  # the Chinese city
    8521719: (3, {}),                                   # Alashankou
    1524537: (3, {"name": "Dostyk", "name_ru": "Дружба"}),  # GeoNames: Druzhba, its Soviet name
    1526041: (3, {"name": "Atasu"}),                    # GeoNames: Zhangaarqa (Atasu)
    610298: (3, {"name": "Beineu"}),
    1525988: (3, {}),                                   # Ayagoz
    1526268: (3, {"name": "Aktogay"}),
    1517721: (3, {"name_kk": ""}),                      # Urzhar: GeoNames has only the Russian Урджар
    1517060: (3, {"name_kk": "Зайсан"}),                # Zaysan
    608359: (3, {"name": "Shalkar"}),
    609919: (3, {}),                                    # Kuryk
    1529429: (3, {}),                                   # Jeminay
    1529522: (3, {}),                                   # Emin
    1519948: (3, {}),                                   # Konayev
    1524325: (3, {}),                                   # Ekibastuz
    1525798: (3, {"name": "Balkhash"}),
    607610: (3, {}),                                    # Zhanaozen
    1526265: (3, {}),                                   # Aral
    1529355: (3, {"name": "Kuytun"}),
    1529528: (3, {"name": "Dushanzi", "name_zh": "独山子"}),
    609123: (3, {"name": "Kulsary"}),
    608679: (3, {"name": "Kandyagash"}),
    1529363: (3, {"name": "Kuqa", "name_zh": "库车"}),
}
NEIGHBOURS = {
    # name -> (ru, kk, zh, tier)
    "Russia": ("Россия", "Ресей", "俄罗斯", 2),
    "Kyrgyzstan": ("Киргизия", "Қырғызстан", "吉尔吉斯斯坦", 2),
    "Uzbekistan": ("Узбекистан", "Өзбекстан", "乌兹别克斯坦", 2),
    "Mongolia": ("Монголия", "Моңғолия", "蒙古国", 2),
    "Turkmenistan": ("Туркмения", "Түрікменстан", "土库曼斯坦", 2),
    "Tajikistan": ("Таджикистан", "Тәжікстан", "塔吉克斯坦", 2),
    "Afghanistan": ("Афганистан", "Ауғанстан", "阿富汗", 3),
    "Iran": ("Иран", "Иран", "伊朗", 3),
    "Azerbaijan": ("Азербайджан", "Әзірбайжан", "阿塞拜疆", 3),
}
