#!/usr/bin/env python3
"""Drives Debian's Chromium (headless, through chromedriver and Selenium) through a unit's
report page, opened from the signed link of a real reminder, as a unit's clerk would on a
phone (390×844 window).

Usage: unit_browser.py form LINK OUT_DIR
       unit_browser.py upload LINK FORM.docx OUT_DIR

form:   fills one invalid value (progress 150), sees the error beside the field with the
        values kept, corrects it, submits, sees the receipt.
upload: uploads the filled Word form, sees the receipt.
Prints one line per check; exits 1 on the first failure. Waits on conditions, never sleeps."""
import os, sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

mode = sys.argv[1]
link = sys.argv[2]
form_path = sys.argv[3] if mode == "upload" else None
out = sys.argv[-1]
os.makedirs(out, exist_ok=True)

from chromium_session import chromium  # noqa: E402 (beside this script)
driver = chromium("390,844")
driver.set_page_load_timeout(120)
# Headless windows are at least 500 px wide and lose height to the window frame: emulate
# the phone's viewport itself, as Chromium's device mode does.
PHONE = (390, 844)


def viewport(width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


viewport(*PHONE)
# A loaded 2-core machine can be slow: wait generously, on conditions only.
wait = WebDriverWait(driver, 90)


def check(condition, what):
    if not condition:
        print(f"FAIL: {what}")
        driver.save_screenshot(os.path.join(out, f"unit-{mode}-failure.png"))
        driver.quit()
        sys.exit(1)
    print(f"ok: {what}")


def main_text():
    return driver.find_element(By.TAG_NAME, "main").text


def full_screenshot(name):
    """The whole page at the phone's width (the window grows to the page's height)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(PHONE[0], max(PHONE[1], min(height, 8000)))
    driver.save_screenshot(os.path.join(out, name))
    viewport(*PHONE)


def submit(form_button):
    """Clicks a submit button and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", form_button)
    form_button.click()
    wait.until(lambda d: _stale(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def _stale(element):
    try:
        element.tag_name
        return False
    except Exception:
        return True


try:
    driver.get(link)
    wait.until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check(heading.startswith("Báo cáo tháng 3/2024 · "), f"the unit's page opens from the reminder's link: {heading!r}")
    width = driver.execute_script("return document.documentElement.clientWidth")
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    check(scroll <= width, f"one column on a phone: no sideways scrolling ({scroll} <= {width})")
    if mode == "form":
        button = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-form] button[type=submit]")
        check(button.size["height"] >= 44, f"the submit button is a large target ({button.size['height']} px)")
        driver.save_screenshot(os.path.join(out, "unit-phone.png"))
        full_screenshot("unit-phone-full.png")
        Select(driver.find_element(By.ID, "status-0")).select_by_value("in_progress")
        driver.find_element(By.ID, "progress-0").send_keys("150")
        driver.find_element(By.ID, "note-0").send_keys("Đang rà soát 12 văn bản")
        driver.find_element(By.ID, "highlights").send_keys("Hoàn thành rà soát đợt 1")
        submit(button)
        error = driver.find_element(By.ID, "progress-0-error")
        check(error.text == "Tiến độ là một số nguyên từ 0 đến 100.", f"the error is beside the field: {error.text!r}")
        field = driver.find_element(By.ID, "progress-0")
        check(field.get_attribute("aria-invalid") == "true"
              and field.get_attribute("aria-describedby") == "progress-0-error", "the field points at its error")
        check(field.get_attribute("value") == "150", "the typed progress is kept")
        check(driver.find_element(By.ID, "note-0").get_attribute("value") == "Đang rà soát 12 văn bản",
              "the note is kept")
        check(driver.find_element(By.ID, "highlights").get_attribute("value") == "Hoàn thành rà soát đợt 1",
              "the highlights are kept")
        check(Select(driver.find_element(By.ID, "status-0")).first_selected_option.get_attribute("value")
              == "in_progress", "the chosen status is kept")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        driver.save_screenshot(os.path.join(out, "unit-phone-error.png"))
        field.clear()
        field.send_keys("60")
        submit(driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-form] button[type=submit]"))
    else:
        chooser = driver.find_element(By.ID, "report-file")
        chooser.send_keys(form_path)
        submit(driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-upload] button[type=submit]"))
    receipt = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "p.notice[role=status]")).text
    check(receipt.startswith("Đã nhận “Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024”"),
          f"the receipt is shown: {receipt!r}")
    check("chậm 16 ngày" in receipt, "the receipt says the report is late, and by how much")
    check("Biên nhận này cũng được gửi qua thư điện tử" in main_text(), "the page says the receipt is e-mailed")
    full_screenshot(f"unit-{mode}-receipt.png")
except Exception as error:  # a Selenium failure: say which, on stdout like the checks
    print(f"FAIL: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    driver.save_screenshot(os.path.join(out, f"unit-{mode}-failure.png"))
    driver.quit()
    sys.exit(1)
driver.quit()
print("browser checks passed")
