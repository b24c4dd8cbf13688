#!/usr/bin/env python3
# Writes a synthetic Geopark Atlas dataset folder for the benchmarks.
#
#   build-aux/bench/make-dataset.py OUT --news 50000 --places 5000 [--seed 1]
#                                   [--cluster 5000 --cluster-geopark caobang]
#
# The same seed and sizes give the same bytes. The geoparks and dataset.json
# are the bundled ones; places fall inside the real geoparks' outlines, and
# news text is built from Vietnamese and English word lists (NFC), so search
# folding and collation do the same work as on real data.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import datetime
import json
import pathlib
import random
import shutil
import unicodedata

TOP = pathlib.Path(__file__).resolve().parents[2]
BUNDLED = TOP / "data" / "dataset"

KINDS = ["geology", "landscape", "culture", "biology", "venue"]
TOPICS = ["recognition", "conservation", "education", "community", "tourism", "cooperation",
          "events"]

# Place names: a kind of feature and a name, as Vietnamese sites are named.
PLACE_HEADS = [
    ("Động", "Cave"), ("Thác", "Waterfall"), ("Núi", "Mountain"), ("Hồ", "Lake"),
    ("Đèo", "Pass"), ("Bản", "Village"), ("Hang", "Grotto"), ("Suối", "Stream"),
    ("Cao nguyên đá", "Stone Plateau"), ("Làng", "Village"), ("Chợ phiên", "Market"),
    ("Đỉnh", "Peak"), ("Thung lũng", "Valley"), ("Di tích", "Heritage Site"),
]
PLACE_NAMES = [
    "Bản Giốc", "Ngườm Ngao", "Pác Bó", "Mã Pì Lèng", "Lũng Cú", "Phố Cáo", "Sủng Là",
    "Đồng Văn", "Mèo Vạc", "Quản Bạ", "Yên Minh", "Trùng Khánh", "Hà Quảng", "Nguyên Bình",
    "Thạch An", "Quảng Hòa", "Tà Lùng", "Phia Oắc", "Ba Bể", "Tam Thanh", "Nhị Thanh",
    "Mẫu Sơn", "Bắc Sơn", "Hữu Lũng", "Chi Lăng", "Văn Lãng", "Tràng Định", "Đình Lập",
    "Tà Đùng", "Đray Sáp", "Gia Long", "Trinh Nữ", "Liêng Nung", "Nâm Blang", "Krông Nô",
    "Buôn Choáh", "Đắk Mil", "Đắk Song", "Gia Nghĩa", "Cư Jút", "Lạng Sơn", "Cao Bằng",
    "Khuổi Ky", "Phja Thắp", "Lũng Luông", "Nà Rì", "Thang Hen", "Kéo Yên", "Nặm Trà",
]
# Words of news titles and summaries, Vietnamese and English side by side.
SUBJECTS = [
    ("Công viên địa chất", "The geopark"), ("Ban quản lý", "The management board"),
    ("Du khách", "Visitors"), ("Học sinh", "Pupils"), ("Người dân", "Local people"),
    ("Các nhà khoa học", "Scientists"), ("Đoàn chuyên gia UNESCO", "A UNESCO expert team"),
    ("Tỉnh", "The province"), ("Hướng dẫn viên", "Guides"), ("Hợp tác xã", "The cooperative"),
]
VERBS = [
    ("khảo sát", "survey"), ("bảo tồn", "protect"), ("giới thiệu", "present"),
    ("tham quan", "visit"), ("tổ chức lễ hội tại", "hold a festival at"),
    ("trồng cây quanh", "plant trees around"), ("đánh giá lại", "revalidate"),
    ("quảng bá", "promote"), ("nghiên cứu", "study"), ("dọn dẹp", "clean up"),
    ("xây dựng đường mòn đến", "build a trail to"), ("chụp ảnh", "photograph"),
]
CLAUSES = [
    ("nhằm phát triển du lịch bền vững", "to develop sustainable tourism"),
    ("trong khuôn khổ chương trình giáo dục di sản", "as part of the heritage education "
     "programme"),
    ("với sự tham gia của cộng đồng địa phương", "with the local community taking part"),
    ("để chuẩn bị cho đợt tái thẩm định của UNESCO", "to prepare for UNESCO's revalidation"),
    ("góp phần gìn giữ giá trị địa chất và văn hóa", "helping to keep its geological and "
     "cultural value"),
    ("thu hút hàng nghìn lượt khách trong dịp lễ", "drawing thousands of visitors over the "
     "holiday"),
    ("theo kế hoạch năm của ban quản lý", "under the management board's plan for the year"),
    ("cùng các đối tác trong mạng lưới công viên địa chất châu Á – Thái Bình Dương",
     "with partners in the Asia-Pacific Geoparks Network"),
]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def point_in_polygon(lon, lat, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def random_point(rng, geopark):
    ring = geopark["outline"]["polygon"]
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    while True:
        lon = rng.uniform(min(lons), max(lons))
        lat = rng.uniform(min(lats), max(lats))
        if point_in_polygon(lon, lat, ring):
            return round(lon, 6), round(lat, 6)


def make_place(rng, index, geopark):
    head_vi, head_en = rng.choice(PLACE_HEADS)
    name = rng.choice(PLACE_NAMES)
    lon, lat = random_point(rng, geopark)
    place = {
        "id": f"bench-p{index}",
        "kind": rng.choice(KINDS),
        "geopark": geopark["id"],
        "name": {"vi": nfc(f"{head_vi} {name} {index}"), "en": nfc(f"{name} {head_en} {index}")},
        "location": {"lat": lat, "lon": lon, "precision_m": rng.choice([200, 300, 2000, 10000])},
        "approximate": rng.random() < 0.3,
        "source": "synthetic benchmark data",
        "country": "VN",
    }
    if rng.random() < 0.5:
        place["description"] = {
            "vi": nfc(f"{head_vi} {name} thuộc {geopark['name']['vi']}, "
                      f"{rng.choice(CLAUSES)[0]}."),
            "en": nfc(f"{name} {head_en.lower()} in {geopark['name']['en']}, "
                      f"{rng.choice(CLAUSES)[1]}."),
        }
    return place


def sentence(rng, place):
    subject = rng.choice(SUBJECTS)
    verb = rng.choice(VERBS)
    clause = rng.choice(CLAUSES)
    return (f"{subject[0]} {verb[0]} {place['name']['vi']} {clause[0]}",
            f"{subject[1]} {verb[1]} {place['name']['en']} {clause[1]}")


def make_article(rng, index, date, places):
    linked = rng.sample(places, rng.choice([1, 1, 1, 2, 3]))
    title = sentence(rng, linked[0])
    summary = [sentence(rng, rng.choice(linked)) for _ in range(rng.randint(2, 4))]
    return {
        "id": f"{date.isoformat()}-bench-{index}",
        "date": date.isoformat(),
        "date_precision": "day",
        "title": {"vi": nfc(title[0]), "en": nfc(title[1])},
        "summary": {"vi": nfc(". ".join(s[0] for s in summary) + "."),
                    "en": nfc(". ".join(s[1] for s in summary) + ".")},
        "geoparks": sorted({p["geopark"] for p in linked}),
        "places": [p["id"] for p in linked],
        "topics": sorted(rng.sample(TOPICS, rng.randint(1, 3))),
    }


def write_items(path, schema, items):
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"$schema": schema, "items": items}, out, ensure_ascii=False, indent=1)
        out.write("\n")


def main():
    parser = argparse.ArgumentParser(
        description="Write a synthetic Geopark Atlas dataset folder.")
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--news", type=int, default=1000)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cluster", type=int, default=0,
                        help="how many of the places to put in one geopark's province")
    parser.add_argument("--cluster-geopark", default="caobang")
    args = parser.parse_args()
    if not 1 <= args.news <= 1_000_000 or not 1 <= args.places <= 1_000_000:
        parser.error("sizes out of range")
    if not 0 <= args.cluster <= args.places:
        parser.error("--cluster must be between 0 and --places")

    rng = random.Random(args.seed)
    geoparks = json.loads((BUNDLED / "geoparks.json").read_text(encoding="utf-8"))["items"]
    by_id = {g["id"]: g for g in geoparks}
    if args.cluster_geopark not in by_id:
        parser.error(f"no geopark {args.cluster_geopark}")

    places = [make_place(rng, i, by_id[args.cluster_geopark]) for i in range(args.cluster)]
    places += [make_place(rng, i, rng.choice(geoparks)) for i in range(args.cluster, args.places)]

    # Ten years, newest first as in the real file.
    last = datetime.date(2025, 12, 31)
    days = sorted((rng.randrange(3653) for _ in range(args.news)))
    news = [make_article(rng, i, last - datetime.timedelta(days=d), places)
            for i, d in enumerate(days)]

    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("dataset.json", "geoparks.json"):
        shutil.copyfile(BUNDLED / name, args.out / name)
    for schema in BUNDLED.glob("*.schema.json"):
        shutil.copyfile(schema, args.out / schema.name)
    write_items(args.out / "places.json", "places.schema.json", places)
    write_items(args.out / "news.json", "news.schema.json", news)


if __name__ == "__main__":
    main()
