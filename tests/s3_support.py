"""A real S3-compatible server for the object-storage tests: moto's, started in the test process
on a free port of 127.0.0.1 (moto[server], requirements-dev.txt), with the portal's two buckets,
and the settings that point the site at it."""

import hashlib

import boto3
import httpx
from django.conf import settings
from django.test import override_settings
from moto.server import ThreadedMotoServer

from tests.faults_support import free_port

PUBLIC, PRIVATE = "portal-public", "portal-private"


def closed_port():
    """A port of 127.0.0.1 where nothing listens: a store that is down."""
    return free_port()


def bucket_storages(endpoint):
    """``MEDIA_STORAGES["s3"]`` of the site at ``endpoint``, as base.py makes it."""
    connection = {
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "access_key": "portal-test",
        "secret_key": "portal-test-secret",
        "addressing_style": "path",
        "querystring_expire": 300,
    }
    return {
        "default": {
            "BACKEND": "portal.storage.PublicBucketStorage",
            "OPTIONS": {
                **connection,
                "bucket_name": PUBLIC,
                "public_url": f"{endpoint}/{PUBLIC}",
                "object_acls": True,
            },
        },
        "private": {
            "BACKEND": "portal.storage.PrivateBucketStorage",
            "OPTIONS": {**connection, "bucket_name": PRIVATE},
        },
    }


def configured(endpoint, media_storage="s3"):
    """Settings of a site whose object store is at ``endpoint``, using ``media_storage``."""
    media_storages = {"disk": settings.MEDIA_STORAGES["disk"], "s3": bucket_storages(endpoint)}
    return override_settings(
        MEDIA_STORAGE=media_storage,
        MEDIA_STORAGES=media_storages,
        STORAGES={
            **media_storages[media_storage],
            "staticfiles": settings.STORAGES["staticfiles"],
        },
    )


class MotoS3:
    """The server, its client (the store's own view, past the portal) and plain GETs."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="portal-test",
            aws_secret_access_key="portal-test-secret",
        )

    def start(self):
        self.server.start()
        self.reset()

    def stop(self):
        self.server.stop()

    def reset(self):
        """Empty buckets again (moto's own reset of everything it holds)."""
        httpx.post(f"{self.endpoint}/moto-api/reset").raise_for_status()
        for bucket in (PUBLIC, PRIVATE):
            self.client.create_bucket(Bucket=bucket)

    def keys(self, bucket):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def content(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def checksums(self, bucket):
        return {
            key: hashlib.sha256(self.content(bucket, key)).hexdigest() for key in self.keys(bucket)
        }

    def plain_get(self, bucket, key):
        """What anyone on the network gets: a GET without signature."""
        return httpx.get(f"{self.endpoint}/{bucket}/{key}")

    def settings(self, media_storage="s3"):
        return configured(self.endpoint, media_storage)
