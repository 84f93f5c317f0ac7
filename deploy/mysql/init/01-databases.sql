-- ChannelOps databases for docker-compose: one database and one user per service, each user
-- granted on its own database and nothing else. MySQL runs this once, on an empty data volume.
--
-- LOCAL DEMO SECRETS: every password here is '<database>-local', the default the services use
-- without DB_PASSWORD. Never use them outside a laptop or CI: a real deployment creates its users
-- with its own passwords and passes them as DB_USERNAME / DB_PASSWORD.

CREATE DATABASE IF NOT EXISTS identity CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'identity'@'%' IDENTIFIED BY 'identity-local';
GRANT ALL PRIVILEGES ON identity.* TO 'identity'@'%';

CREATE DATABASE IF NOT EXISTS customer CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'customer'@'%' IDENTIFIED BY 'customer-local';
GRANT ALL PRIVILEGES ON customer.* TO 'customer'@'%';

CREATE DATABASE IF NOT EXISTS sales CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'sales'@'%' IDENTIFIED BY 'sales-local';
GRANT ALL PRIVILEGES ON sales.* TO 'sales'@'%';

CREATE DATABASE IF NOT EXISTS orders CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'orders'@'%' IDENTIFIED BY 'orders-local';
GRANT ALL PRIVILEGES ON orders.* TO 'orders'@'%';

CREATE DATABASE IF NOT EXISTS logistics CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'logistics'@'%' IDENTIFIED BY 'logistics-local';
GRANT ALL PRIVILEGES ON logistics.* TO 'logistics'@'%';

CREATE DATABASE IF NOT EXISTS finance CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'finance'@'%' IDENTIFIED BY 'finance-local';
GRANT ALL PRIVILEGES ON finance.* TO 'finance'@'%';

CREATE DATABASE IF NOT EXISTS kpi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'kpi'@'%' IDENTIFIED BY 'kpi-local';
GRANT ALL PRIVILEGES ON kpi.* TO 'kpi'@'%';
