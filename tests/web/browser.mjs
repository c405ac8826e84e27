// The clerk's way through vb-web in a real browser (Debian's chromium,
// headless, driven by puppeteer-core: nothing downloaded): open /, choose
// a workbook in the file field, submit, wait for the result page, follow
// the zip link; a bad list shows its problems.  Screenshots of each page
// (laptop and phone widths) go to OUTDIR.  Prints PASS/FAIL lines.
//
//   node browser.mjs URL GOOD.xlsx BAD.csv OUTDIR
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [url, good, bad, outdir] = process.argv.slice(2);
const pass = (n) => console.log(`PASS web-browser ${n}`);
const fail = (n, why) => console.log(`FAIL web-browser ${n}: ${why}`);
const shot = (page, name) => page.screenshot({ path: path.join(outdir, name), fullPage: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  const problems = [];
  // The bad list's page is answered 422 on purpose: not a problem.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(m.text()); });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url + '/', { waitUntil: 'load' });
  const lang = await page.$eval('html', (h) => h.lang);
  lang === 'vi' ? pass('index_lang') : fail('index_lang', lang);
  await shot(page, '1-trang-dau.png');

  // A good workbook: the result page, with a preview and the zip.
  await (await page.$('input[name=danh_sach]')).uploadFile(good);
  await page.click('#du_thao');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }),
    page.click('#khen-thuong button[type=submit]')]);
  /\/ket-qua\/[a-z0-9]+-[0-9a-f]{32}\/$/.test(page.url())
    ? pass('result_page') : fail('result_page', page.url());
  const frames = await page.$$eval('iframe', (f) => f.map((x) => x.getAttribute('src')));
  frames.length > 0 && frames.every((s) => /\.pdf#page=1/.test(s))
    ? pass('result_previews') : fail('result_previews', JSON.stringify(frames));
  await new Promise((r) => setTimeout(r, 1500));   // let the previews load
  await shot(page, '2-ket-qua.png');

  // The first PDF as the clerk opens it (headless chromium does not
  // paint a PDF inside an iframe into a screenshot; opened, it does).
  const pdf = await page.$eval('a[href$=".pdf"]', (a) => a.href);
  const pv = await browser.newPage();
  await pv.setViewport({ width: 900, height: 1000 });
  const resp = await pv.goto(pdf, { waitUntil: 'load' });
  resp && resp.headers()['content-type'] === 'application/pdf'
    ? pass('pdf_opens') : fail('pdf_opens', resp && resp.headers()['content-type']);
  await new Promise((r) => setTimeout(r, 3000));
  await pv.screenshot({ path: path.join(outdir, '2b-pdf-trang-1.png') });
  await pv.close();

  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: outdir });
  await page.click('a[href$=".zip"]');
  let zip = null;
  for (let i = 0; i < 100 && !zip; i++) {
    await new Promise((r) => setTimeout(r, 100));
    zip = fs.readdirSync(outdir).find((f) => f.endsWith('.zip'));
  }
  zip && fs.readFileSync(path.join(outdir, zip)).subarray(0, 2).toString() === 'PK'
    ? pass('zip_downloaded') : fail('zip_downloaded', String(zip));

  // A bad list: the problems, the form kept.
  await page.goto(url + '/', { waitUntil: 'load' });
  await (await page.$('input[name=danh_sach]')).uploadFile(bad);
  await page.type('#so', '12');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }),
    page.click('#khen-thuong button[type=submit]')]);
  const errs = await page.$$eval('.loi li', (l) => l.length);
  const so = await page.$eval('#so', (e) => e.value);
  errs > 0 && so === '12' ? pass('bad_list_page') : fail('bad_list_page', `${errs} problems, so=${so}`);
  await shot(page, '3-loi.png');

  // A phone.
  await page.setViewport({ width: 390, height: 844, isMobile: true });
  await page.goto(url + '/', { waitUntil: 'load' });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  wide <= 390 ? pass('phone_no_sideways_scroll') : fail('phone_no_sideways_scroll', `${wide} px wide`);
  await shot(page, '4-dien-thoai.png');
  await page.goto(url + '/cau-hinh', { waitUntil: 'load' });
  await shot(page, '5-cau-hinh.png');
  problems.length === 0 ? pass('no_console_errors') : fail('no_console_errors', problems[0]);
} catch (e) {
  fail('run', String(e).split('\n')[0]);
} finally {
  await browser.close();
}
