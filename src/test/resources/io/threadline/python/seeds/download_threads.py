import threading
import urllib.request
import time

# URLs to download
urls = [
    "https://github.com/tensorflow/tensorflow/blob/master/README.md",
    "https://github.com/tensorflow/tensorflow/blob/master/RELEASE.md",
    "https://github.com/tensorflow/tensorflow/blob/master/SECURITY.md",
]


def download_file(url):
  print(f"Starting download: {url}")
  urllib.request.urlretrieve(url, f"{url.split('/')[-1]}")
  print(f"Finished download: {url}")


start = time.time()
threads = []

for url in urls:
  thread = threading.Thread(target=download_file, args=(url,))
  thread.start()
  threads.append(thread)

for thread in threads:
  thread.join()

end = time.time()
print(f"Downloaded {len(urls)} files in {end-start} seconds")
