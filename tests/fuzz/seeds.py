#!/usr/bin/env python3
"""Seeds of the generator harnesses (fuzz_tmpl, fuzz_config, fuzz_ktlist,
fuzz_progress) from the repository's real skeletons, configs, lists and
tables, each with the harness's leading option byte; written to
tests/fuzz/corpus/NAME/ under their SHA-1 as libFuzzer names them.
Run from anywhere: python3 tests/fuzz/seeds.py"""
import glob, hashlib, os, re
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
def put(h, data):
    d = f'tests/fuzz/corpus/{h}'
    os.makedirs(d, exist_ok=True)
    open(f'{d}/{hashlib.sha1(data).hexdigest()}', 'wb').write(data)
def rd(p): return open(p, 'rb').read()

# fuzz_tmpl: declarations NUL skeleton
skels = sorted(glob.glob('templates/khen-thuong/mau/*.md')) + ['templates/bao-cao/don-vi.md', 'templates/bao-cao/tong-hop.md']
nasty = ['Sở "Nội vụ": tỉnh', '- Lưu: VT', 'a\\nb', '#1 *đậm* [x](y)', ' lề', 'yes', '1.5e3', '\\r\\nxuống', '{{ten}}', 'a\\\\b\\tc', '---', '`code` <b>', 'đ' * 40]
for sk in skels:
    t = rd(sk).decode()
    keys = []
    for m in re.finditer(r'\{\{([#^/]?)([^}|]+)(\|[a-z]+)?\}\}', t):
        k = m.group(2)
        if k not in keys: keys.append(k)
    lists = set(m.group(1) for m in re.finditer(r'^[a-z_]+: \{\{([a-z_]+)\|yaml\}\}$', t, re.M)) & {'noi_nhan', 'can_cu_them'}
    for variant in range(3):
        decl = []
        for i, k in enumerate(keys):
            if k in lists or k == 'noi_nhan':
                if variant == 1: decl.append(f'{k}[]')
                else:
                    decl.append(f'{k}+=Như Điều 3;'); decl.append(f'{k}+={nasty[i % len(nasty)] if variant == 2 else "Lưu: VT, TĐKT."}')
            elif variant == 0: decl.append(f'{k}=Giá trị của {k}')
            elif variant == 1: decl.append(f'{k}=' + ('0' if i % 2 else ''))
            else: decl.append(f'{k}={nasty[i % len(nasty)]}')
        put('fuzz_tmpl', ('\n'.join(decl) + '\n').encode() + b'\0' + t.encode())
    put('fuzz_tmpl', t.encode())
for s in [b'{{ten}} {{ten|yaml}} {{ten|md}} {{ds}} {{ds|yaml}} {{trong|yaml}}\n',
          b'{{#ten}}\nA {{ds|md}}\n{{/ten}}\n{{^rong}}B{{/rong}}{{#khong}}C{{/khong}}\n',
          b'{{#ds}}{{#ten}}{{^trong}}x{{/trong}}{{/ten}}{{/ds}}',
          b'a=1\nb+=x\nb+=y\nc[]\n\0{{a|yaml}}\nl: {{b|yaml}}\ne: {{c|yaml}}\n{{#b}}\n{{b|md}}\n{{/b}}\n',
          b'{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}{{#ten}}x',
          b'{{/ten}} {{ten|xml}} {{}} {{#}} {{ten\n}}']:
    put('fuzz_tmpl', s)

# fuzz_config
kt_yaml = ['templates/khen-thuong/mac-dinh.yaml', 'templates/khen-thuong/khoi-tao.yaml', 'input/khen-thuong/dien-bien-2020.yaml'] + sorted(glob.glob('tests/golden/kt-*/*.yaml'))
for f in kt_yaml:
    put('fuzz_config', b'\0' + rd(f))
    put('fuzz_config', b'\4' + rd(f))
for f in ['templates/bao-cao/mac-dinh.yaml', 'input/2020/bao-cao.yaml']:
    put('fuzz_config', b'\1' + rd(f))
units_yaml = sorted(glob.glob('tests/golden/bc-*/don-vi.yaml'))
for f in units_yaml:
    put('fuzz_config', b'\2' + rd(f)); put('fuzz_config', b'\6' + rd(f)); put('fuzz_config', b'\3' + rd(f))
for f in ['input/2020/don-vi.csv'] + sorted(glob.glob('tests/golden/bc-*/don-vi.csv')) + sorted(glob.glob('tests/golden/bc-units-errors/*.csv')):
    put('fuzz_config', b'\3' + rd(f))
put('fuzz_config', b'\2- ho_ten: A\n  don_vi: B\n- don_vi: C\n  x_them: D\n')
put('fuzz_config', b'\0a: &x [1, 2]\nb: *x\nky: {ho_ten: &n A, chuc_vu: *n}\n')
put('fuzz_config', b'\0' + b'[' * 70 + b']' * 70 + b'\n')

# fuzz_ktlist
lists = ['input/2020/de-nghi-khen-thuong.csv', 'tests/data/kt/danh-sach.csv', 'tests/data/xlsx/lo-list.csv', 'tests/golden/norm-cp1258-detected/danh-sach-1258.csv'] + sorted(glob.glob('tests/golden/kt-*/*.csv'))
for i, f in enumerate(lists):
    b = rd(f)
    if len(b) > 16383: continue
    put('fuzz_ktlist', bytes([(i * 2) & 7]) + b)
    put('fuzz_ktlist', bytes([8 | 16 | ((i * 2) & 7)]) + b)
    put('fuzz_ktlist', bytes([1 | 16]) + b)

# fuzz_progress
tien = rd('input/2020/tien-do.csv')
put('fuzz_progress', b'\0' + tien); put('fuzz_progress', b'\1' + tien)
lines = tien.split(b'\n')
half = len(lines) // 2
put('fuzz_progress', b'\0' + b'\n'.join(lines[:half]) + b'\n\0' + lines[0] + b'\n' + b'\n'.join(lines[half:]))
put('fuzz_progress', b'\1' + b'\n'.join(lines[:40]) + b'\n\0' + b'\n'.join(lines[:40]) + b'\n')  # duplicates across tables
put('fuzz_progress', b'\2' + rd('input/2020/nhiem-vu.csv') + b'\0' + b'\n'.join(lines[:60]) + b'\n')
# Every other progress table of the bc-* cases (periods composed, two
# files of one unit): a header naming Trạng thái.
for f in sorted(glob.glob('tests/golden/bc-*/*.csv')):
    b = rd(f)
    if 'Trạng thái'.encode() in b.split(b'\n', 1)[0] and not f.endswith('/tien-do.csv'):
        put('fuzz_progress', b'\0' + b)
        put('fuzz_progress', b'\1' + b + b'\0' + b)
for d in sorted(glob.glob('tests/golden/bc-*/')):
    nv, td = d + 'nhiem-vu.csv', d + 'tien-do.csv'
    if os.path.exists(td):
        put('fuzz_progress', b'\0' + rd(td))
        if os.path.exists(nv):
            put('fuzz_progress', b'\2' + rd(nv) + b'\0' + rd(td))
            put('fuzz_progress', b'\3' + rd(nv) + b'\0' + rd(td) + b'\0' + rd(td))
