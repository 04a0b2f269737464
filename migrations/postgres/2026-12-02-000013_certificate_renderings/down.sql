DROP TABLE certificate_renderings;
